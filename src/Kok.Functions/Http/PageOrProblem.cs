using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Http;

/// <summary>
/// Error answers of the routes people open from a mail (cancellation and pay links): a page for a browser, which
/// asks for HTML (and for a client that does not say, as these routes answered before), problem+json like every
/// other route for any client that asks for something else (a script, <c>curl</c>'s <c>*/*</c>, an API client).
/// </summary>
public static class PageOrProblem
{
    public static bool WantsPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0
               || accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                                  || a.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The page from <paramref name="page"/>, or a problem with the same status.</summary>
    public static IActionResult Error(HttpRequest request, int status, string title, string? detail, Func<IActionResult> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return WantsPage(request) ? page() : ProblemResults.Problem(status, title, detail);
    }
}
