namespace Kok.Domain.Dashboard;

/// <summary>
/// The dashboard's donation list, kept by the donation repository on every save: per year of creation, newest
/// first, at most <see cref="ListPage{T}.Size"/> items a page.
/// </summary>
public interface IDashboardDonationList
{
    /// <summary>A page of <paramref name="query"/>; its <see cref="DonationListQuery.Year"/> must be set.</summary>
    Task<ListPage<DonationListItem>> ListAsync(DonationListQuery query, CancellationToken cancellationToken);

    /// <summary>The donations created in <paramref name="year"/> with receipt details, a page at a time (<paramref name="after"/>: the previous page's token, decoded).</summary>
    Task<ListPage<DonationExportRow>> ExportPageAsync(int year, string? after, CancellationToken cancellationToken);
}
