using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Http;

/// <summary>
/// The security headers of every page the app serves (the office dashboard and its assets, the member's cancellation
/// and pay-dues pages), built in one place: a Content-Security-Policy that allows nothing (<c>default-src 'none'</c>),
/// posts forms only to this origin, is never framed and sets no base URL, plus whatever sources the page names;
/// <c>nosniff</c>; <c>X-Frame-Options: DENY</c> for browsers without <c>frame-ancestors</c>; the page's
/// Referrer-Policy. The Cache-Control is the answer's own.
/// </summary>
public sealed record PageHeaders(string ContentSecurityPolicy, string ReferrerPolicy)
{
    /// <summary>
    /// A page's headers. Each source list is what the page needs beyond nothing: <c>'self'</c> for its own files, a
    /// <c>'sha256-…'</c> for an inlined stylesheet; never <c>'unsafe-inline'</c> (the page tests check).
    /// </summary>
    public static PageHeaders For(
        string referrerPolicy,
        string? scriptSrc = null,
        string? styleSrc = null,
        string? imgSrc = null,
        string? connectSrc = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referrerPolicy);
        var directives = new[] { ("script-src", scriptSrc), ("style-src", styleSrc), ("img-src", imgSrc), ("connect-src", connectSrc) }
            .Where(d => d.Item2 is not null)
            .Select(d => $"{d.Item1} {d.Item2}");
        return new PageHeaders(
            string.Join("; ", ["default-src 'none'", .. directives, "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"]),
            referrerPolicy);
    }

    public void ApplyTo(HttpResponse response, string cacheControl)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = cacheControl;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
    }
}
