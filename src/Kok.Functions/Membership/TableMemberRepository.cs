using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;

namespace Kok.Functions.Membership;

/// <summary>
/// Members in Table Storage: one entity per member (partition = member id) holding its snapshot as JSON plus a few
/// plain columns for queries. <c>MemberIndex</c> maps payment intents (<c>pi:{id}</c>) and hashed email addresses
/// (<c>email:{sha256}</c>, one row per member) to member ids; <c>MemberEndings</c> has one partition per date
/// (<c>yyyy-MM-dd</c>) with a row per member whose membership ends that day, so the daily run reads a range of
/// date partitions instead of every member. <c>DuesAgenda</c> is laid out the same way: one partition per day, a row
/// per member the dues run must look at that day (<see cref="Member.DuesAgendaDate"/>).
/// Costs: add = 1 index upsert + 1 insert; get = 1 point read; save = 1 conditional replace plus 1 upsert per new
/// reference, and when the agenda day moves 1 upsert before and 1 delete after; email lookup = 1 partition query;
/// endings or agenda due = 1 range query (per 1,000 rows).
/// After a successful add or save the member's dashboard contribution is applied (see <see cref="IDashboardTotals"/>;
/// a failed write contributes nothing). Without <paramref name="totals"/> (benchmarks, tests) nothing is counted until
/// the recompute action runs; seeding adds its members to the totals in bulk when it ends.
/// Every add and every save that changes what the dashboard's member list shows also keeps that list
/// (<see cref="MemberListIndex"/>: 1 entity-group transaction before the member write, 1 after; nothing when the
/// listing is unchanged, as on most dues-run saves).
/// </summary>
public sealed class TableMemberRepository(StorageClients storage, DuesPolicy duesPolicy, IDashboardTotals? totals = null) : IMemberRepository
{
    /// <summary>
    /// The row key of a member's entity: its id again. Table Storage needs no second key, but Azurite looks entities up
    /// by row key first, so a constant row key made every point read scan the whole table (a local run with 100,000
    /// members wrote a few members a second).
    /// </summary>
    internal static string RowKeyOf(string memberId) => memberId;
    private readonly MemberListIndex list = new(storage);

    public async Task<VersionedMember?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Members);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(memberId, RowKeyOf(memberId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var json = ChunkedProperty.Read(response.Value, "Snapshot")
            ?? throw new InvalidOperationException($"Member {memberId} has no snapshot.");
        var snapshot = JsonSerializer.Deserialize<MemberSnapshot>(json, KokJson.Options)
            ?? throw new InvalidOperationException($"Member {memberId} has an empty snapshot.");
        var member = Member.FromSnapshot(snapshot);
        var version = new StoredVersion(
            response.Value.ETag.ToString(),
            response.Value.GetString(MemberListIndex.ListKeyColumn),
            response.Value.GetString(MemberListIndex.ListHashColumn));
        return new VersionedMember(member, version.ToString());
    }

    public async Task<bool> TryAddAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var agenda = member.RescheduleDues(duesPolicy);
        await AddToAgendaAsync(member.Id, agenda, cancellationToken);

        // Index first: an entry whose member was never written is skipped by the duplicate check; the other way
        // round a crash could leave a member nobody finds by email.
        var index = await storage.TableAsync(TableNames.MemberIndex);
        await index.UpsertEntityAsync(
            new TableEntity(EmailKey(member.Email), member.Id) { ["MemberId"] = member.Id },
            TableUpdateMode.Replace,
            cancellationToken);

        var listing = MemberListIndex.Of(member);
        var listed = await list.BeginAsync(listing, null, cancellationToken);
        var table = await storage.TableAsync(TableNames.Members);
        Response written;
        try
        {
            written = await table.AddEntityAsync(ToEntity(member, listing), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        await list.CompleteAsync(listing, null, listed, written.Headers.ETag ?? ETag.All, cancellationToken);
        await ApplyTotalsAsync(member, cancellationToken);
        return true;
    }

    public async Task<bool> TrySaveAsync(
        Member member,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(newReferences);
        var agenda = member.RescheduleDues(duesPolicy);
        await AddToAgendaAsync(member.Id, agenda, cancellationToken);
        if (newReferences.Count > 0)
        {
            var index = await storage.TableAsync(TableNames.MemberIndex);
            foreach (var reference in newReferences)
            {
                await index.UpsertEntityAsync(
                    new TableEntity(ReferenceKey(reference), reference.Value) { ["MemberId"] = member.Id },
                    TableUpdateMode.Replace,
                    cancellationToken);
            }
        }

        var loaded = StoredVersion.Parse(expectedVersion);
        var listing = MemberListIndex.Of(member);
        var listed = loaded.ListHash != listing.Hash ? await list.BeginAsync(listing, loaded.ListKey, cancellationToken) : null;
        var table = await storage.TableAsync(TableNames.Members);
        Response written;
        try
        {
            written = await table.UpdateEntityAsync(ToEntity(member, listing), new ETag(loaded.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }

        if (listed is not null)
        {
            await list.CompleteAsync(listing, loaded.ListKey, listed, written.Headers.ETag ?? ETag.All, cancellationToken);
        }

        if (agenda is { Moved: true, Previous: { } previous })
        {
            await RemoveDuesAgendaAsync(new DuesAgendaEntry(member.Id, previous), cancellationToken);
        }

        await ApplyTotalsAsync(member, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<DuesAgendaEntry>> FindDuesAgendaAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var agenda = await storage.TableAsync(TableNames.DuesAgenda);
        var last = DateKey(day);
        var due = new List<DuesAgendaEntry>();
        await foreach (var row in agenda.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey le {last}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            due.Add(new DuesAgendaEntry(row.RowKey, DateOnly.ParseExact(row.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return due;
    }

    public async Task RemoveDuesAgendaAsync(DuesAgendaEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var agenda = await storage.TableAsync(TableNames.DuesAgenda);
        try
        {
            await agenda.DeleteEntityAsync(DateKey(entry.Date), entry.MemberId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: removing is idempotent.
        }
    }

    public async Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var index = await storage.TableAsync(TableNames.MemberIndex);
        var response = await index.GetEntityIfExistsAsync<TableEntity>(ReferenceKey(reference), reference.Value, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value?.GetString("MemberId") : null;
    }

    public async Task<IReadOnlyList<string>> FindIdsByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(TableNames.MemberIndex);
        var key = EmailKey(email);
        var ids = new List<string>();
        await foreach (var row in index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {key}"), select: ["MemberId"], cancellationToken: cancellationToken))
        {
            if (row.GetString("MemberId") is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public async Task ScheduleEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken)
    {
        var endings = await storage.TableAsync(TableNames.MemberEndings);
        await endings.UpsertEntityAsync(new TableEntity(DateKey(endsOn), memberId), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken)
    {
        var endings = await storage.TableAsync(TableNames.MemberEndings);
        try
        {
            await endings.DeleteEntityAsync(DateKey(endsOn), memberId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: removing is idempotent.
        }
    }

    public async Task<IReadOnlyList<ScheduledEnding>> FindEndingsDueAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var endings = await storage.TableAsync(TableNames.MemberEndings);
        var last = DateKey(day);
        var due = new List<ScheduledEnding>();

        // ISO dates sort as text, so "on or before" is one range over the date partitions.
        await foreach (var row in endings.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey le {last}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            due.Add(new ScheduledEnding(row.RowKey, DateOnly.ParseExact(row.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return due;
    }

    private Task ApplyTotalsAsync(Member member, CancellationToken cancellationToken) =>
        totals is null ? Task.CompletedTask : totals.ApplyAsync(member.Id, MemberContribution.Of(member), cancellationToken);

    private async Task AddToAgendaAsync(string memberId, DuesAgendaChange change, CancellationToken cancellationToken)
    {
        if (change is { Moved: true, Current: { } current })
        {
            var agenda = await storage.TableAsync(TableNames.DuesAgenda);
            await agenda.UpsertEntityAsync(new TableEntity(DateKey(current), memberId), TableUpdateMode.Replace, cancellationToken);
        }
    }

    private static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Addresses are compared case-insensitively and only their hash is a key: no personal data in keys or logs.
    private static string EmailKey(string email) =>
        "email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    private static string ReferenceKey(PaymentReference reference) => reference.Kind switch
    {
        PaymentReferenceKind.PaymentIntent => "pi:" + reference.Value,
        PaymentReferenceKind.Subscription => "sub:" + reference.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.Kind, "Unknown reference kind."),
    };

    private static TableEntity ToEntity(Member member, MemberListIndex.Listing listing)
    {
        var entity = new TableEntity(member.Id, RowKeyOf(member.Id))
        {
            ["Status"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Status.ToString()),
            ["Kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Kind.ToString()),
            ["AnnualAmountCents"] = member.AnnualAmountCents,
            ["CreatedAt"] = member.CreatedAt,
            ["NextDuesDate"] = member.NextDuesDate is { } next ? DateKey(next) : null,
            ["DuesAgendaDate"] = member.DuesAgendaDate is { } agenda ? DateKey(agenda) : null,
        };
        MemberListIndex.WriteColumns(entity, listing);
        ChunkedProperty.Write(entity, "Snapshot", JsonSerializer.Serialize(member.ToSnapshot(), KokJson.Options));
        return entity;
    }
}
