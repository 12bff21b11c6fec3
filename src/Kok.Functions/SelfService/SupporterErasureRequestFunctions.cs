using Kok.Domain.Privacy.ErasureRequests;
using Kok.Domain.SelfService;
using Kok.Functions.Http;
using Kok.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.SelfService;

/// <summary>
/// "Mein KOK": the signed-in supporter asks for their data to be erased (<see cref="RequestOwnErasure"/>):
/// <c>POST /api/me/erasure-request {"message"?: "…"}</c> → 202 with <c>{"status": "requested", "requestedAt"}</c>, or
/// 200 with the same answer for the request already open. <c>GET /api/me/erasure-request</c> tells the page whether one
/// is open (<c>"status": "requested"</c> or <c>"none"</c>). Guarded as every <c>api/me</c> route
/// (<see cref="SupporterGuardMiddleware"/>); staff carry the erasure out.
/// </summary>
public sealed class SupporterErasureRequestFunctions(
    RequestOwnErasure request, ILogger<SupporterErasureRequestFunctions> logger)
{
    private const int MaxBodyBytes = 4 * 1024;

    [Function("SupporterRequestErasure")]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> Request(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/erasure-request")] HttpRequest http,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFormReader();
        var message = reader.Text(JsonBody.Of(http).Root, "message", "message");
        var result = await request.ExecuteAsync(SupporterIdentity.Of(http).SupporterKey, message, reader.WrongTypeFields, cancellationToken);
        if (result.Outcome == ErasureRequestOutcome.Requested && !result.MailSent)
        {
            logger.LogWarning("The confirmation mail of a Mein KOK erasure request was not sent.");
        }

        return result.Outcome switch
        {
            ErasureRequestOutcome.Requested => new JsonResult(Json(result.Request!), KokJson.Options) { StatusCode = StatusCodes.Status202Accepted },
            ErasureRequestOutcome.AlreadyOpen => ApiResults.Ok(Json(result.Request!)),
            ErasureRequestOutcome.Invalid => ProblemResults.Validation(result.Errors!.ToDictionary()),
            _ => ProblemResults.Problem(StatusCodes.Status404NotFound, "Nothing is stored under this address."),
        };
    }

    [Function("SupporterErasureRequest")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpEndpoint.SupporterRoutePrefix + "/erasure-request")] HttpRequest http,
        CancellationToken cancellationToken) =>
        await request.OpenAsync(SupporterIdentity.Of(http).SupporterKey, cancellationToken) is { } open
            ? ApiResults.Ok(Json(open))
            : ApiResults.Ok(new { Status = "none" });

    private static object Json(OpenErasureRequest open) => new { Status = "requested", open.RequestedAt };
}
