using System.Text.Json;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.Privacy.ErasureRequests;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// Staff erase a supporter's data (Art. 17 DSGVO): <c>POST /api/dashboard/privacy/erase {"email", "reason",
/// "confirm", "membershipEnd": "period_end"|"now"}</c>. Without <c>"confirm": true</c> the answer is the plan (per
/// store: what is deleted, pseudonymised, kept and until when) and nothing changes; with it, the erasure (audited).
/// <c>GET /api/dashboard/privacy/overdue</c> counts the records the retention run should have deleted or scrubbed by
/// now (0 when it works): counted live, on its own route, so the summary keeps its fixed cost.
/// <c>GET /api/dashboard/privacy/requests</c> lists the supporters' own open requests from "Mein KOK", oldest first;
/// the confirmed erasure of the address closes its request.
/// </summary>
public sealed class ErasureFunction(EraseSupporter erase, RunPrivacyRetention retention, ListOpenErasureRequests requests)
{
    public const int MaxBodyBytes = 4 * 1024;

    [Function("ErasePersonalData")]
    [StaffOnly]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> Erase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/privacy/erase")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var root = JsonBody.Of(request).Root;
        var reader = new JsonFormReader();
        var form = new ErasureForm(
            reader.Text(root, "email", "email"),
            reader.Text(root, "reason", "reason"),
            reader.Flag(root, "confirm", "confirm"),
            reader.Text(root, "membershipEnd", "membershipEnd"));
        var staff = StaffIdentity.Of(request);
        var result = await erase.ExecuteAsync(form, reader.WrongTypeFields, staff.Id, staff.Name, cancellationToken);
        return result.Errors is { } errors ? ProblemResults.Validation(errors) : ApiResults.Ok(Json(result));
    }

    [Function("PrivacyOverdue")]
    [StaffOnly]
    public async Task<IActionResult> Overdue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/privacy/overdue")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResults.Ok(new { Overdue = await retention.CountOverdueAsync(cancellationToken) });

    [Function("PrivacyErasureRequests")]
    [StaffOnly]
    public async Task<IActionResult> Requests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/privacy/requests")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResults.Ok(new
        {
            Items = (await requests.ExecuteAsync(cancellationToken)).Select(r => new { r.RequestId, r.Email, r.RequestedAt, r.Message }),
        });

    private static object Json(ErasureResult result) => new
    {
        result.Confirmed,
        result.Donations,
        result.Members,
        Stores = result.Stores.Select(s => new
        {
            s.Store,
            Action = JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Action.ToString()),
            s.Count,
            s.RetainedUntil,
        }),
    };
}
