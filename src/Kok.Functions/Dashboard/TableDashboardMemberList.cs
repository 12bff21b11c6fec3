using System.Globalization;
using Azure.Data.Tables;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Reads the member list <see cref="MemberListIndex"/> keeps. <c>status</c> picks the rows of that prefix, <c>year</c>
/// the sub-range of the year's due dates, otherwise the <c>all</c> rows. Costs: a page without <c>q</c> is 1 range
/// query (51 rows) whatever the number of members; with <c>q</c> the search reads the rows of the chosen
/// status/year range (1 request per 1,000 rows; fine at KOK's size, a few thousand members), the CSV 1 request per
/// 50 members. A row flagged <c>Pending</c> (a save in flight or interrupted) costs 1 point read of its member: it
/// is shown, built from the member itself, only if the member is still listed under that key, else skipped and
/// deleted (If-Match, so a row rewritten meanwhile stays).
/// </summary>
public sealed class TableDashboardMemberList(StorageClients storage, IMemberRepository members) : IDashboardMemberList
{
    public async Task<ListPage<MemberListItem>> ListAsync(MemberListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await storage.TableAsync(TableNames.DashboardMemberList);
        var prefix = (query.Status is { } status ? MemberListIndex.Status(status) : MemberListIndex.AllPrefix) + "|";
        var (lower, upper) = query.Year is { } year
            ? (prefix + year.ToString("0000", CultureInfo.InvariantCulture) + "-", prefix + year.ToString("0000", CultureInfo.InvariantCulture) + ".")
            : (prefix, prefix[..^1] + "}");
        var filter = IndexPager.Range(MemberListIndex.Partition, lower, upper, query.After);
        return await IndexPager.ReadAsync(table, filter, query.Search is not null, async row =>
        {
            var found = await ResolveAsync(table, row, cancellationToken);
            return found is not null && (query.Search is null || found.Item.Matches(query.Search)) ? found.Item : null;
        }, cancellationToken);
    }

    public async Task<ListPage<MemberExportRow>> ExportPageAsync(string? after, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardMemberList);
        var prefix = MemberListIndex.AllPrefix + "|";
        var filter = IndexPager.Range(MemberListIndex.Partition, prefix, MemberListIndex.AllPrefix + "}", after);
        return await IndexPager.ReadAsync(table, filter, false, row => ResolveAsync(table, row, cancellationToken), cancellationToken);
    }

    private async Task<MemberExportRow?> ResolveAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetBoolean(MemberListIndex.PendingColumn) != true)
        {
            return FromRow(row);
        }

        var memberId = row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..];
        var loaded = Member.IsWellFormedId(memberId) ? await members.GetAsync(memberId, cancellationToken) : null;
        if (loaded is not null)
        {
            var listing = MemberListIndex.Of(loaded.Member);
            if (MemberListIndex.RowKeys(listing.Key, memberId).Contains(row.RowKey, StringComparer.Ordinal))
            {
                var item = MemberListItem.From(loaded.Member, MemberListItem.ListedOn(loaded.Member));
                return new MemberExportRow(item, loaded.Member.Address);
            }
        }

        await MemberListIndex.DeleteIfExistsAsync(table, row.RowKey, row.ETag, cancellationToken);
        return null;
    }

    private static MemberExportRow FromRow(TableEntity row)
    {
        var item = new MemberListItem(
            row.GetString("MemberId"),
            Enum<MemberKind>(row.GetString("Kind")),
            row.GetString("Name"),
            row.GetString("ContactPerson"),
            row.GetString("Email"),
            Enum<MembershipStatus>(row.GetString("Status")),
            row.GetInt64("AnnualAmountCents") ?? 0,
            Enum<PaymentMethodKind>(row.GetString("PaymentMethod")),
            Date(row.GetString("MemberSince")),
            Date(row.GetString("DueDate")),
            row.GetInt64("OutstandingCents") ?? 0,
            row.GetString("City") ?? string.Empty);
        var address = new PostalAddress(
            row.GetString("Street") ?? string.Empty,
            row.GetString("PostalCode") ?? string.Empty,
            item.City,
            row.GetString("Country") ?? string.Empty);
        return new MemberExportRow(item, address);
    }

    internal static TEnum Enum<TEnum>(string? snakeCase)
        where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>((snakeCase ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
