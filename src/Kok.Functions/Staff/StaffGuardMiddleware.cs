using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Kok.Functions.Staff;

/// <summary>
/// The one staff guard, worker middleware for every HTTP function that is staff only (<see cref="HttpEndpoint.Staff"/>:
/// marked <see cref="StaffOnlyAttribute"/>, or under a staff route prefix). <see cref="StaffAuthorization"/> decides:
/// a cross-site write is 403, nobody signed in (or a principal header where it is not trusted) 401, someone without
/// the staff role 403; the function then does not run. Otherwise the signed-in <see cref="StaffIdentity"/> is handed
/// to the function (<see cref="StaffIdentity.Of"/>) for its audit entries.
/// </summary>
public sealed class StaffGuardMiddleware(StaffAuthorization staff, StaffAuthOptions options) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var rule = HttpEndpoint.Of(context).Staff ?? throw new InvalidOperationException($"{context.FunctionDefinition.Name} is not staff only.");
        var http = MiddlewareAnswer.HttpOf(context);
        if (rule.UnlessQuery is { } parameter && http.Request.Query.ContainsKey(parameter))
        {
            await next(context);
            return;
        }

        var auth = staff.Authorize(http.Request);
        if (!auth.IsAllowed)
        {
            await MiddlewareAnswer.WriteAsync(http, SignInOr(http.Request, rule, auth.Failure));
            return;
        }

        auth.Identity.AttachTo(http);
        await next(context);
    }

    /// <summary>
    /// In Azure a person opening a staff page is sent to App Service Authentication's sign-in, as a site requiring
    /// authentication would do; scripts and API clients get the 401 problem.
    /// </summary>
    private IActionResult SignInOr(HttpRequest request, StaffOnlyAttribute rule, IActionResult failure) =>
        rule.SignInReturnsTo is { } page && options.TrustAppServicePrincipal
        && failure is ObjectResult { StatusCode: StatusCodes.Status401Unauthorized }
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            ? new RedirectResult("/.auth/login/aad?post_login_redirect_uri=" + page)
            : failure;
}
