using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Http;

/// <summary>
/// The one cross-site write rule of the routes that sign in by cookie (the staff dashboard, a supporter's "Mein KOK"):
/// a browser sends their cookie along with another site's form post too, so such a write is refused before anything
/// else. Requests without <c>Sec-Fetch-Site</c> or <c>Origin</c> (curl, scripts, tests) pass.
/// </summary>
public static class CrossSiteRequests
{
    /// <summary>
    /// A write whose <c>Origin</c> is not this host. The scheme may also be the one the front end reports in
    /// <c>X-Forwarded-Proto</c> (App Service ends TLS before the app); a browser on another site cannot set that
    /// header without a CORS preflight, which this app never grants for these routes.
    /// </summary>
    public static bool IsCrossSiteWrite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        // Browsers state the relation themselves, and no page can forge it. It comes first because the Functions host
        // forwards requests to this worker, which may then not see the public host name the Origin is compared with.
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is not ("same-origin" or "none");
        }

        if (!request.Headers.TryGetValue("Origin", out var values))
        {
            return false;
        }

        var origin = values.ToString();
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath is not ("/" or "")
            || !string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            || (request.Host.Port is { } port ? uri.Port != port : !uri.IsDefaultPort))
        {
            return true;
        }

        var forwarded = request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
        return !string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(uri.Scheme, forwarded, StringComparison.OrdinalIgnoreCase);
    }
}
