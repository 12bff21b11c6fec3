using System.Globalization;
using Kok.Domain.Receipts;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Receipts;

/// <summary>
/// <c>GET /api/dashboard/receipts/reconciliation?year=2026</c>, staff only: the year's paid donations against the
/// receipts that confirm them, every difference listed (<see cref="ReconcileReceipts"/>).
/// </summary>
[StaffOnly]
public sealed class ReceiptReconciliationFunction(ReconcileReceipts reconcile)
{
    [Function("AnnualReceiptsReconciliation")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts/reconciliation")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["year"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 9999
            ? ApiResults.Ok(await reconcile.ExecuteAsync(year, cancellationToken))
            : ProblemResults.Validation(new Dictionary<string, string[]> { ["year"] = ["Ein Jahr wie 2026 / a year such as 2026."] });
    }
}
