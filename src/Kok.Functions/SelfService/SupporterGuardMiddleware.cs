using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Kok.Functions.SelfService;

/// <summary>
/// The one supporter guard, worker middleware for every function under <see cref="HttpEndpoint.SupporterRoutePrefix"/>
/// (<see cref="HttpEndpoint.IsSupporterOnly"/>): a cross-site write is 403 (<see cref="CrossSiteRequests"/>, as for
/// staff), no valid session 401; the function then does not run. Otherwise the session's idle time is renewed and
/// the <see cref="SupporterIdentity"/> handed to the function, which has no such code itself. Answers are never cached.
/// </summary>
public sealed class SupporterGuardMiddleware(SupporterSessionCookie session, TimeProvider time) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = MiddlewareAnswer.HttpOf(context);
        http.Response.Headers.CacheControl = "no-store";
        if (CrossSiteRequests.IsCrossSiteWrite(http.Request))
        {
            await MiddlewareAnswer.WriteAsync(http, ProblemResults.Problem(StatusCodes.Status403Forbidden, "Cross-site request refused.",
                "Diese Aktion ist nur von der Seite „Mein KOK“ selbst aus möglich. / This action only works from the Mein KOK page itself."));
            return;
        }

        var now = time.GetUtcNow();
        if (session.Read(http.Request, now) is not { } supporterKey)
        {
            await MiddlewareAnswer.WriteAsync(http, ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Sign-in required.",
                "Bitte melden Sie sich über den Link an, den wir Ihnen mailen. / Please sign in with the link we mail you."));
            return;
        }

        session.Renew(http.Request, supporterKey, now);
        new SupporterIdentity(supporterKey).AttachTo(http);
        await next(context);
    }
}
