using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Http;

/// <summary>
/// CORS for the public form endpoints, allowing only the configured website origins. In Azure the platform's CORS
/// setting (from the Bicep) answers too; doing it here keeps DevHost and <c>func start</c> behaving the same.
/// </summary>
public sealed class Cors(WebsiteOptions website)
{
    private const string AllowedHeaders = "Content-Type, Idempotency-Key";

    /// <summary>Adds the response headers for an allowed origin; other origins get none, so browsers refuse.</summary>
    public void Apply(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        var headers = request.HttpContext.Response.Headers;
        headers.Vary = "Origin";
        if (website.IsAllowedOrigin(origin))
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlExposeHeaders = "Retry-After, Location";
        }
    }

    /// <summary>Answers a preflight: 204 with the allowed methods for a known origin, 403 for any other.</summary>
    public IActionResult Preflight(HttpRequest request, string methods)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!website.IsAllowedOrigin(request.Headers.Origin.ToString()))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Origin not allowed.");
        }

        Apply(request);
        var headers = request.HttpContext.Response.Headers;
        headers.AccessControlAllowMethods = methods;
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = "600";
        return new StatusCodeResult(StatusCodes.Status204NoContent);
    }
}
