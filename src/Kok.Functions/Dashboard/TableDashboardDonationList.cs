using Azure.Data.Tables;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Reads the donation list <see cref="DonationListIndex"/> keeps: the year's partition, newest first. Costs: a page
/// without filters is 1 range query (51 rows) whatever the number of donations; with <c>status</c>, <c>interval</c>
/// or <c>q</c> the year's rows are read 1,000 a request until the page is full (fine at KOK's size); the CSV 1
/// request per 50 donations.
/// </summary>
public sealed class TableDashboardDonationList(StorageClients storage) : IDashboardDonationList
{
    public async Task<ListPage<DonationListItem>> ListAsync(DonationListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var year = query.Year ?? throw new ArgumentException("The year must be chosen.", nameof(query));
        var table = await storage.TableAsync(TableNames.DashboardDonationList);
        var filter = IndexPager.Range(DonationListIndex.Partition(year), "0", "A", query.After);
        var filtered = query.Status is not null || query.Interval is not null || query.Search is not null;
        return await IndexPager.ReadAsync(table, filter, filtered, row =>
        {
            var item = FromRow(row);
            var shown = (query.Status is null || item.Status == query.Status)
                && (query.Interval is null || item.Interval == query.Interval)
                && (query.Search is null || item.Matches(query.Search));
            return Task.FromResult(shown ? item : null);
        }, cancellationToken);
    }

    public async Task<ListPage<DonationExportRow>> ExportPageAsync(int year, string? after, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardDonationList);
        var filter = IndexPager.Range(DonationListIndex.Partition(year), "0", "A", after);
        return await IndexPager.ReadAsync(table, filter, false, row => Task.FromResult<DonationExportRow?>(new DonationExportRow(
            FromRow(row),
            row.GetBoolean(DonationListIndex.WantsReceiptColumn),
            row.GetString("Street") is { } street
                ? new PostalAddress(street, row.GetString("PostalCode") ?? string.Empty, row.GetString("City") ?? string.Empty, row.GetString("Country") ?? string.Empty)
                : null)), cancellationToken);
    }

    private static DonationListItem FromRow(TableEntity row) => new(
        row.GetString("DonationId"),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetString("DonorName"),
        row.GetString("Email"),
        row.GetInt64("AmountCents") ?? 0,
        TableDashboardMemberList.Enum<DonationInterval>(row.GetString("Interval")),
        TableDashboardMemberList.Enum<DonationStatus>(row.GetString("Status")),
        row.GetInt64("PaidCents") ?? 0,
        row.GetString("PaymentMethod") is { } method ? TableDashboardMemberList.Enum<PaymentMethodKind>(method) : null);
}
