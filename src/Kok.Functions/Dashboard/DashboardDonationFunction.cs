using Kok.Domain.Donations;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// <c>GET /api/dashboard/donations/{id}</c>, staff only: one donation as <c>GET /api/donations/{id}</c> shows it
/// (<see cref="GetDonation"/>), under the dashboard's routes, where the page's sign-in reaches; the "Needs attention"
/// list links a donation to it.
/// </summary>
[StaffOnly]
public sealed class DashboardDonationFunction(GetDonation getDonation)
{
    [Function("GetDashboardDonation")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/donations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await getDonation.ExecuteAsync(id, cancellationToken) is { } view
            ? ApiResults.Ok(view)
            : ProblemResults.Problem(StatusCodes.Status404NotFound, "Donation not found.");
}
