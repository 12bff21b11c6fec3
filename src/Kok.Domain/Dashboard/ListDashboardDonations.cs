using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>The dashboard's donation list and the donations CSV; the year defaults to the current Berlin year.</summary>
public sealed class ListDashboardDonations(IDashboardDonationList list, TimeProvider time)
{
    public Task<ListPage<DonationListItem>> ExecuteAsync(DonationListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return list.ListAsync(query with { Year = YearOf(query.Year) }, cancellationToken);
    }

    public int YearOf(int? year) => year ?? AssociationCalendar.Date(time.GetUtcNow()).Year;

    /// <summary>Every donation created in <paramref name="year"/>, newest first, one page at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<DonationListItem>> ExportAsync(
        int year,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new DonationListQuery(null, null, year, null, null);
        while (true)
        {
            var page = await list.ListAsync(query, cancellationToken);
            yield return page.Items;
            if (page.ContinuationToken is not { } token || !ListContinuation.TryDecode(token, out var key))
            {
                yield break;
            }

            query = query with { After = key };
        }
    }
}
