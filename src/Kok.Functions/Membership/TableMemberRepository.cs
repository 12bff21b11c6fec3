using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Dashboard;
using Kok.Functions.Dues;
using Kok.Functions.Payments;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Membership;

/// <summary>
/// Members in Table Storage: one row per member (<see cref="MemberRows"/>), written by the save pipeline
/// (<see cref="AggregateStore{TAggregate}"/>) with the side tables its projections keep (<see cref="Projections"/>):
/// the dues agenda, the member endings, the email index, the shared payment-reference index, the dashboard's member
/// list and totals. This class maps and reads; it decides nothing (the dues agenda day is set by
/// <see cref="ReschedulingMemberRepository"/>, in the domain, before every save: use <see cref="Create"/>).
/// Costs: get = 1 point read; add = email index entry, list rows (1 transaction), insert, list rows confirmed
/// (1 transaction), agenda entry when there is one, 1 queue message for the totals (they follow off the request's
/// path, ADR 0006); save = 1 conditional replace plus what changed: 1 upsert
/// per new reference, agenda and ending entries (1 upsert before, 1 delete after when the day moves), list rows
/// (2 transactions when the listing changed), 1 queue message when the totals must follow; email lookup = 1 partition query; endings or agenda due = 1
/// range query (per 1,000 rows).
/// </summary>
public sealed class TableMemberRepository(StorageClients storage, IDashboardTotals? totals = null) : IMemberRepository
{
    private readonly AggregateStore<Member> store = Store(storage, totals);
    private readonly TablePaymentReferenceIndex references = new(storage);

    /// <summary>The member repository the use cases get: this one behind the domain's dues rescheduling.</summary>
    public static IMemberRepository Create(StorageClients storage, DuesPolicy duesPolicy, IDashboardTotals? totals = null) =>
        new ReschedulingMemberRepository(new TableMemberRepository(storage, totals), duesPolicy);

    /// <summary>
    /// Every side table a member's save keeps, in the order they run within a phase. Without <paramref name="totals"/>
    /// (benchmarks, tests) nothing is counted until the recompute action runs.
    /// </summary>
    public static IReadOnlyList<IProjection<Member>> Projections(StorageClients storage, IDashboardTotals? totals)
    {
        List<IProjection<Member>> projections =
        [
            new DuesAgendaProjection(storage),
            new MemberEndingsProjection(storage),
            new MemberEmailIndexProjection(storage),
            new PaymentReferenceProjection<Member>(storage, PaymentOwnerKind.Member, m => m.Id),
            new MemberListProjection(storage),
            new AttentionProjection<Member>(storage, AttentionItems.Of),
        ];
        if (totals is not null)
        {
            projections.Add(new DashboardTotalsProjection<Member>(totals, MemberContribution.Of));
        }

        return projections;
    }

    /// <summary>The save pipeline of members; also what brings their deferred projections up to date.</summary>
    public static AggregateStore<Member> Store(StorageClients storage, IDashboardTotals? totals) =>
        new(storage, new MemberRows(), Projections(storage, totals));

    /// <summary>
    /// The row key of a member's entity: its id again. Table Storage needs no second key, but Azurite looks entities up
    /// by row key first, so a constant row key made every point read scan the whole table (a local run with 100,000
    /// members wrote a few members a second).
    /// </summary>
    internal static string RowKeyOf(string memberId) => memberId;

    public async Task<VersionedMember?> GetAsync(string memberId, CancellationToken cancellationToken) =>
        await store.GetAsync(memberId, cancellationToken) is { } stored ? new VersionedMember(stored.Aggregate, stored.Version) : null;

    public Task<bool> TryAddAsync(Member member, CancellationToken cancellationToken) =>
        store.TryAddAsync(member, member.References, cancellationToken);

    public Task<bool> TrySaveAsync(
        Member member,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken) =>
        store.TrySaveAsync(member, expectedVersion, newReferences, cancellationToken);

    public Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken) =>
        references.FindIdAsync(reference, PaymentOwnerKind.Member, cancellationToken);

    public async Task<IReadOnlyList<string>> FindIdsByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(TableNames.MemberIndex);
        var key = MemberEmailIndexProjection.EmailKey(email);
        var ids = new List<string>();
        await foreach (var row in index.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {key}"), select: [MemberEmailIndexProjection.MemberIdColumn], cancellationToken: cancellationToken))
        {
            if (row.GetString(MemberEmailIndexProjection.MemberIdColumn) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public async Task<IReadOnlyList<DuesAgendaEntry>> FindDuesAgendaAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await SideRows.OnOrBeforeAsync(storage, TableNames.DuesAgenda, day, cancellationToken))
            .Select(r => new DuesAgendaEntry(r.MemberId, r.Day)).ToList();

    public Task RemoveDuesAgendaAsync(DuesAgendaEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SideRows.DeleteAsync(storage, TableNames.DuesAgenda, StoredNames.Date(entry.Date), entry.MemberId, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledEnding>> FindEndingsDueAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await SideRows.OnOrBeforeAsync(storage, TableNames.MemberEndings, day, cancellationToken))
            .Select(r => new ScheduledEnding(r.MemberId, r.Day)).ToList();

    public Task RemoveEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken) =>
        SideRows.DeleteAsync(storage, TableNames.MemberEndings, StoredNames.Date(endsOn), memberId, cancellationToken);
}
