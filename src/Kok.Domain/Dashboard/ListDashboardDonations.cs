using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>The dashboard's donation list and the donations CSV; the year defaults to the current Berlin year.</summary>
public sealed class ListDashboardDonations(IDashboardDonationList list, TimeProvider time)
{
    public async Task<ListPage<DonationListItem>> ExecuteAsync(DonationListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await list.ListAsync(query with { Year = YearOf(query.Year) }, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return page with
        {
            Items = [.. page.Items.Select(i => i with { StaleTransfer = BankTransfers.StaleTransfers.IsStale(i.PaymentMethod, i.Status, i.CreatedAt, now) })],
        };
    }

    public int YearOf(int? year) => year ?? AssociationCalendar.Date(time.GetUtcNow()).Year;

    /// <summary>Every donation created in <paramref name="year"/>, newest first, with receipt details, one page at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<DonationExportRow>> ExportAsync(
        int year,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await list.ExportPageAsync(year, after, cancellationToken);
            yield return page.Items;
            after = page.ContinuationToken is { } token && ListContinuation.TryDecode(token, out var key) ? key : null;
        }
        while (after is not null);
    }
}
