using System.Net;
using System.Text;

namespace Kok.Functions.Tests.Mail;

/// <summary>Stands in for the network: records what the SendGrid client sends and answers as configured.</summary>
internal sealed class FakeSendGridHandler : HttpMessageHandler
{
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;

    public string ResponseBody { get; set; } = string.Empty;

    public string? MessageId { get; set; } = "W8r2cTZ1S9yWq3_sendgrid";

    public TimeSpan? RetryAfter { get; set; }

    public Exception? Failure { get; set; }

    public List<SentRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SentRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body));
        if (Failure is not null)
        {
            throw Failure;
        }

        var response = new HttpResponseMessage(Status)
        {
            Content = new StringContent(ResponseBody, Encoding.UTF8, "application/json"),
        };
        if (MessageId is not null && Status == HttpStatusCode.Accepted)
        {
            response.Headers.Add("X-Message-Id", MessageId);
        }

        if (RetryAfter is not null)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(RetryAfter.Value);
        }

        return response;
    }
}
