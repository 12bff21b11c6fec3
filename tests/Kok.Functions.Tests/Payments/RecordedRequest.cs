using System.Net;

namespace Kok.Functions.Tests.Payments;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The form body as Stripe reads it: decoded keys like <c>line_items[0][price_data][unit_amount]</c>.</summary>
    public IReadOnlyDictionary<string, string> Form() =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                parts => WebUtility.UrlDecode(parts[0]),
                parts => parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : string.Empty,
                StringComparer.Ordinal);
}
