using System.Net;
using System.Text;

namespace Kok.Functions.Tests.Payments;

/// <summary>
/// Stands in for the network: records what Stripe.net sends and answers with a canned body (and headers), or with the
/// one <paramref name="routes"/> gives for the request's path.
/// </summary>
internal sealed class RecordingHandler(
    HttpStatusCode status,
    string responseJson,
    IReadOnlyDictionary<string, string>? responseHeaders = null,
    IReadOnlyDictionary<string, (HttpStatusCode Status, string Json)>? routes = null) : HttpMessageHandler
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
        var (answerStatus, answerJson) = routes is not null && routes.TryGetValue(request.RequestUri!.AbsolutePath, out var routed)
            ? routed
            : (status, responseJson);
        var response = new HttpResponseMessage(answerStatus) { Content = new StringContent(answerJson, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in responseHeaders ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
