using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The office dashboard's API, staff only (<see cref="StaffAuthorization"/>: 401 anonymous, 403 without the role).
/// <c>GET /api/dashboard/summary?year=2026</c> reads the running totals (3 range queries + 1 request per poison
/// queue, whatever the number of members); <c>POST /api/dashboard/totals/recompute</c> rebuilds them from the
/// source tables and answers the drift found.
/// </summary>
public sealed class DashboardFunctions(
    GetDashboardSummary getSummary,
    RecomputeDashboardTotals recompute,
    StaffAuthorization staff)
{
    [Function("GetDashboardSummary")]
    public async Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/summary")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = staff.Authorize(request);
        if (!auth.IsAllowed)
        {
            return auth.Failure;
        }

        var errors = new ValidationErrors();
        var year = DashboardScope.ParseYearParameter(request.Query["year"].ToString(), errors);
        if (!errors.IsEmpty)
        {
            return ProblemResults.Validation(errors.ToDictionary());
        }

        return ApiResults.Ok(await getSummary.ExecuteAsync(year, cancellationToken));
    }

    [Function("RecomputeDashboardTotals")]
    public async Task<IActionResult> Recompute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/totals/recompute")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = staff.Authorize(request);
        if (!auth.IsAllowed)
        {
            return auth.Failure;
        }

        return ApiResults.Ok(await recompute.ExecuteAsync(auth.Identity.Id, auth.Identity.Name, cancellationToken));
    }
}
