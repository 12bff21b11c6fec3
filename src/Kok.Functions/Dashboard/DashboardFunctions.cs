using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The office dashboard's API, staff only (<see cref="StaffOnlyAttribute"/>: 401 anonymous, 403 without the role).
/// <c>GET /api/dashboard/summary?year=2026</c> reads the running totals (3 range queries + 1 request per poison
/// queue, whatever the number of members); <c>POST /api/dashboard/totals/recompute</c> rebuilds them from the
/// source tables and answers the drift found.
/// </summary>
[StaffOnly]
public sealed class DashboardFunctions(
    GetDashboardSummary getSummary,
    RecomputeDashboardTotals recompute)
{
    [Function("GetDashboardSummary")]
    public async Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/summary")] HttpRequest request,
        CancellationToken cancellationToken)
    {
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
        var staff = StaffIdentity.Of(request);
        return ApiResults.Ok(await recompute.ExecuteAsync(staff.Id, staff.Name, cancellationToken));
    }
}
