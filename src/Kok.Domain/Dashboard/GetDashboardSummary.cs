using Kok.Domain.Common;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The dashboard summary of a year (default: the current Berlin year): the totals of scope current and the year, the
/// year's twelve month scopes in one range read, plus the poison queues, the open "Needs attention" items and, as a
/// blocking alert, why receipts cannot be issued today (§ 63 Abs. 5 AO, settings missing), worked out from the
/// settings without a read.
/// </summary>
public sealed class GetDashboardSummary(
    IDashboardTotals totals,
    IPoisonQueueMonitor poison,
    TimeProvider time,
    IAttentionList? attention = null,
    OrganisationProfile? organisation = null)
{
    public async Task<DashboardSummary> ExecuteAsync(int? year, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var chosen = year ?? AssociationCalendar.Date(now).Year;
        var scope = DashboardScope.Year(chosen);
        var read = await totals.GetAsync([DashboardScope.Current, scope], cancellationToken);
        var months = await totals.GetRangeAsync(DashboardScope.Month(chosen, 1), DashboardScope.Month(chosen, 12), cancellationToken);
        var counts = await poison.CountsAsync(cancellationToken);
        var open = attention is null ? 0 : await attention.CountOpenAsync(cancellationToken);
        var scopes = new Dictionary<string, DashboardCounters>(months, StringComparer.Ordinal)
        {
            [DashboardScope.Current] = read[DashboardScope.Current],
            [scope] = read[scope],
        };
        return DashboardSummary.From(chosen, scopes, counts, now) with
        {
            AttentionOpen = open,
            ReceiptsBlocked = organisation?.ReceiptBlockerOn(GermanTime.Today(time)),
        };
    }
}
