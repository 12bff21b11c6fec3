using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Membership;
using Kok.Functions.Membership;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Writes the dashboard's member list (<see cref="TableNames.DashboardMemberList"/>): ONE partition, two rows per
/// member, <c>{status}|{dueDate}|{memberId}</c> and <c>all|{dueDate}|{memberId}</c> (<c>9999-12-31</c> without a due
/// date, so those sort last), holding the display columns, the postal address (for the CSV) and a lower-cased search
/// column. A status is a key range, a year a sub-range, so a page is one range query.
/// <para>
/// The member row remembers what it is listed as (the mark of <see cref="MemberListProjection"/>). A save whose
/// listing is unchanged costs nothing here. Otherwise, like the dues agenda, the new rows go in before the member write and the old ones
/// go after it, each step one entity-group transaction: (1) upsert the new rows and flag them and the old rows
/// <c>Pending</c>; (2) after the member write, replace the new rows unflagged (If-Match of step 1) and delete the old
/// ones. Unflagged rows always match their member; a flagged row (a save in flight, crashed or lost a race) is
/// checked by the reader against the member itself (<see cref="TableDashboardMemberList"/>). When step 2 meets a
/// changed row, the writer re-reads the member and finishes only if its own write is still the latest.
/// </para>
/// </summary>
internal sealed class MemberListIndex(StorageClients storage)
{
    public const string Partition = "members";
    public const string AllPrefix = "all";
    public const string NoDueDate = "9999-12-31";
    public const string PendingColumn = "Pending";

    public static Listing Of(Member member)
    {
        var item = MemberListItem.From(member, MemberListItem.ListedOn(member));
        var key = ListKey(item.Status, item.DueDate);
        var columns = Columns(item, member);
        return new Listing(item.Id, key, Hash(key, columns), columns);
    }

    public static string ListKey(MembershipStatus status, DateOnly? dueDate) =>
        Status(status) + "|" + (dueDate is { } due ? Date(due) : NoDueDate);

    /// <summary>The row keys of a listing key ("active|2026-05-01") for a member.</summary>
    public static string[] RowKeys(string listKey, string memberId)
    {
        var due = listKey[(listKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
        return [listKey + "|" + memberId, AllPrefix + "|" + due + "|" + memberId];
    }

    /// <summary>Step 1, before the member write: the new rows and the old ones flagged; the new rows' ETags.</summary>
    public async Task<IReadOnlyDictionary<string, ETag>> BeginAsync(Listing listing, string? oldKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardMemberList);
        var newKeys = RowKeys(listing.Key, listing.MemberId);
        var actions = newKeys
            .Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(k, listing, pending: true)))
            .Concat(OldKeys(oldKey, listing)
                .Select(k => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(Partition, k) { [PendingColumn] = true })))
            .ToList();
        var response = await table.SubmitTransactionAsync(actions, cancellationToken);
        var etags = new Dictionary<string, ETag>(StringComparer.Ordinal);
        for (var i = 0; i < newKeys.Length; i++)
        {
            etags[newKeys[i]] = response.Value[i].Headers.ETag ?? ETag.All;
        }

        return etags;
    }

    /// <summary>
    /// Step 2, after the member write (<paramref name="memberVersion"/>): new rows unflagged, old rows gone. When a
    /// row changed meanwhile, finishes only if the member still has <paramref name="memberVersion"/>.
    /// </summary>
    public async Task CompleteAsync(
        Listing listing,
        string? oldKey,
        IReadOnlyDictionary<string, ETag> begun,
        ETag memberVersion,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardMemberList);
        var oldKeys = OldKeys(oldKey, listing).ToList();
        var actions = begun
            .Select(b => new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row(b.Key, listing, pending: false), b.Value))
            .Concat(oldKeys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, k), ETag.All)))
            .ToList();
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            // A reader dropped a row it saw as stale, or a later save took over: see below.
        }

        var members = await storage.TableAsync(TableNames.Members);
        var current = await members.GetEntityIfExistsAsync<TableEntity>(listing.MemberId, TableMemberRepository.RowKeyOf(listing.MemberId), ["PartitionKey"], cancellationToken);
        if (!current.HasValue || current.Value is null || current.Value.ETag != memberVersion)
        {
            return; // A later save owns the list rows now; what we left is flagged, so readers check it.
        }

        foreach (var key in begun.Keys)
        {
            await table.UpsertEntityAsync(Row(key, listing, pending: false), TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var key in oldKeys)
        {
            await DeleteIfExistsAsync(table, key, ETag.All, cancellationToken);
        }
    }

    /// <summary>Deletes a member's rows under each of <paramref name="listKeys"/> (an erased member is in no list).</summary>
    public async Task RemoveAsync(string memberId, IEnumerable<string?> listKeys, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardMemberList);
        foreach (var rowKey in listKeys.OfType<string>().SelectMany(k => RowKeys(k, memberId)).Distinct(StringComparer.Ordinal))
        {
            await DeleteIfExistsAsync(table, rowKey, ETag.All, cancellationToken);
        }
    }

    public static async Task DeleteIfExistsAsync(TableClient table, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or rewritten since it was read: either way not ours to delete.
        }
    }

    public static string Status(MembershipStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> OldKeys(string? oldKey, Listing listing) =>
        oldKey is null ? [] : RowKeys(oldKey, listing.MemberId).Except(RowKeys(listing.Key, listing.MemberId), StringComparer.Ordinal);

    private static TableEntity Row(string rowKey, Listing listing, bool pending)
    {
        var entity = new TableEntity(Partition, rowKey);
        foreach (var (name, value) in listing.Columns)
        {
            entity[name] = value;
        }

        if (pending)
        {
            entity[PendingColumn] = true;
        }

        return entity;
    }

    private static SortedDictionary<string, object?> Columns(MemberListItem item, Member member) => new(StringComparer.Ordinal)
    {
        ["MemberId"] = item.Id,
        ["Kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(item.Kind.ToString()),
        ["Name"] = item.Name,
        ["ContactPerson"] = item.ContactPerson,
        ["Email"] = item.Email,
        ["Status"] = Status(item.Status),
        ["AnnualAmountCents"] = item.AnnualAmountCents,
        ["PaymentMethod"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(item.PaymentMethod.ToString()),
        ["MemberSince"] = item.MemberSince is { } since ? Date(since) : null,
        ["DueDate"] = item.DueDate is { } due ? Date(due) : null,
        ["OutstandingCents"] = item.OutstandingCents,
        ["City"] = item.City,
        ["Street"] = member.Address.Street,
        ["PostalCode"] = member.Address.PostalCode,
        ["Country"] = member.Address.Country,
        ["Search"] = MemberListItem.SearchText(item.Id, item.Name, item.ContactPerson, item.Email),
    };

    private static string Hash(string key, SortedDictionary<string, object?> columns)
    {
        var text = key + "\n" + string.Join("\n", columns.Select(c => c.Key + "=" + Convert.ToString(c.Value, CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>A member's listing: its key (<c>{status}|{dueDate}</c>), a hash of everything shown, the row columns.</summary>
    internal sealed record Listing(string MemberId, string Key, string Hash, IReadOnlyDictionary<string, object?> Columns);

}
