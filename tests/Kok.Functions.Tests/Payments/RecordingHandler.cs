using System.Net;
using System.Text;

namespace Kok.Functions.Tests.Payments;

/// <summary>Stands in for the network: records what Stripe.net sends and answers with a canned body (and headers).</summary>
internal sealed class RecordingHandler(
    HttpStatusCode status, string responseJson, IReadOnlyDictionary<string, string>? responseHeaders = null) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            body));
        var response = new HttpResponseMessage(status) { Content = new StringContent(responseJson, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in responseHeaders ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
