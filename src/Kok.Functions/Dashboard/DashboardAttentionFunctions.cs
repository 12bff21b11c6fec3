using Kok.Domain.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The staff's "Needs attention" list, staff only: <c>GET /api/dashboard/attention</c> (open items newest first, 50 a
/// page, continuation token as the other lists) and <c>POST /api/dashboard/attention/{key}/done</c> (audited).
/// </summary>
[StaffOnly]
public sealed class DashboardAttentionFunctions(IAttentionList attention, MarkAttentionDone markDone)
{
    [Function("ListDashboardAttention")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/attention")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query.TryGetValue("continuationToken", out var value) ? value.ToString() : null;
        if (!string.IsNullOrEmpty(token) && !ListContinuation.TryDecode(token, out _))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["continuationToken"] = ["Not a continuation token of this list."] });
        }

        string? after = string.IsNullOrEmpty(token) ? null : ListContinuation.TryDecode(token, out var key) ? key : null;
        return ApiResults.Ok(await attention.ListOpenAsync(after, cancellationToken));
    }

    [Function("MarkDashboardAttentionDone")]
    public async Task<IActionResult> Done(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/attention/{key}/done")] HttpRequest request,
        string key,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        if (!IsItemKey(key))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["key"] = ["Not an item of the list."] });
        }

        return await markDone.ExecuteAsync(key, staff.Id, staff.Name, cancellationToken)
            ? ApiResults.Ok(new { key, done = true })
            : ProblemResults.Problem(StatusCodes.Status404NotFound, "No open item with this key.", "It is unknown or was marked done already.");
    }

    /// <summary>Keys are ours: digits, letters and underscores, so nothing else reaches a storage key.</summary>
    private static bool IsItemKey(string? key) =>
        key is { Length: > 20 and <= 200 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
