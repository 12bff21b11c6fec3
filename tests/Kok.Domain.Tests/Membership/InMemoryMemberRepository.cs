using System.Globalization;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;

namespace Kok.Domain.Tests.Membership;

/// <summary>
/// Behaves like the storage adapter must: snapshots, versions, conditional writes, indexes. Safe for the concurrent
/// calls of the dues run (it works on several members at once), like a table is.
/// </summary>
internal sealed class InMemoryMemberRepository(DuesPolicy? duesPolicy = null) : IMemberRepository
{
    private readonly DuesPolicy policy = duesPolicy ?? DuesPolicy.Default;

    private readonly Lock gate = new();

    private readonly Dictionary<string, (MemberSnapshot Snapshot, int Version)> rows = new(StringComparer.Ordinal);

    public Dictionary<PaymentReference, string> Index { get; } = [];

    public HashSet<ScheduledEnding> Endings { get; } = [];

    public HashSet<DuesAgendaEntry> Agenda { get; } = [];

    /// <summary>Called before each save; throw from it to simulate a crash half way through a run.</summary>
    public Action<Member>? BeforeSave { get; set; }

    public int Saves { get; private set; }

    public Member Stored(string id)
    {
        lock (gate)
        {
            return Member.FromSnapshot(rows[id].Snapshot);
        }
    }

    public Task<VersionedMember?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue(memberId, out var row)
                ? new VersionedMember(Member.FromSnapshot(row.Snapshot), row.Version.ToString(CultureInfo.InvariantCulture))
                : null);
        }
    }

    public Task<bool> TryAddAsync(Member member, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (rows.ContainsKey(member.Id))
            {
                return Task.FromResult(false);
            }

            var change = member.RescheduleDues(policy);
            if (change.Current is { } current)
            {
                Agenda.Add(new DuesAgendaEntry(member.Id, current));
            }

            AddEnding(member);
            foreach (var reference in member.References)
            {
                Index[reference] = member.Id;
            }

            rows[member.Id] = (member.ToSnapshot(), 1);
            return Task.FromResult(true);
        }
    }

    public Task<bool> TrySaveAsync(Member member, string expectedVersion, IReadOnlyCollection<PaymentReference> newReferences, CancellationToken cancellationToken)
    {
        BeforeSave?.Invoke(member);
        lock (gate)
        {
            var change = member.RescheduleDues(policy);
            if (change is { Moved: true, Current: { } current })
            {
                Agenda.Add(new DuesAgendaEntry(member.Id, current));
            }

            foreach (var reference in newReferences)
            {
                Index[reference] = member.Id;
            }

            AddEnding(member);

            if (!rows.TryGetValue(member.Id, out var row) || row.Version.ToString(CultureInfo.InvariantCulture) != expectedVersion)
            {
                return Task.FromResult(false);
            }

            var endedBefore = Member.FromSnapshot(row.Snapshot).ScheduledEndDate;
            rows[member.Id] = (member.ToSnapshot(), row.Version + 1);
            Saves++;
            if (endedBefore is { } before && before != member.ScheduledEndDate)
            {
                Endings.Remove(new ScheduledEnding(member.Id, before));
            }

            if (change is { Moved: true, Previous: { } previous })
            {
                Agenda.Remove(new DuesAgendaEntry(member.Id, previous));
            }

            return Task.FromResult(true);
        }
    }

    public Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(Index.TryGetValue(reference, out var id) ? id : null);
        }
    }

    public Task<IReadOnlyList<string>> FindIdsByEmailAsync(string email, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(rows.Values
                .Where(r => string.Equals(r.Snapshot.Email, email, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.Snapshot.Id)
                .ToList());
        }
    }

    public Task RemoveEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Endings.Remove(new ScheduledEnding(memberId, endsOn));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ScheduledEnding>> FindEndingsDueAsync(DateOnly day, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ScheduledEnding>>(Endings.Where(e => e.EndsOn <= day).OrderBy(e => e.EndsOn).ToList());
        }
    }

    public Task<IReadOnlyList<DuesAgendaEntry>> FindDuesAgendaAsync(DateOnly day, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<DuesAgendaEntry>>(Agenda.Where(e => e.Date <= day).OrderBy(e => e.Date).ToList());
        }
    }

    public Task RemoveDuesAgendaAsync(DuesAgendaEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Agenda.Remove(entry);
            return Task.CompletedTask;
        }
    }

    /// <summary>Stores <paramref name="member"/> as it is (test set-up), indexed like a save would.</summary>
    public void Put(Member member)
    {
        lock (gate)
        {
            var change = member.RescheduleDues(policy);
            if (change.Current is { } current)
            {
                Agenda.Add(new DuesAgendaEntry(member.Id, current));
            }

            AddEnding(member);
            var version = rows.TryGetValue(member.Id, out var row) ? row.Version + 1 : 1;
            rows[member.Id] = (member.ToSnapshot(), version);
        }
    }

    /// <summary>As the store's endings projection does, before the write: the day a cancelling membership ends.</summary>
    private void AddEnding(Member member)
    {
        if (member.ScheduledEndDate is { } endsOn)
        {
            Endings.Add(new ScheduledEnding(member.Id, endsOn));
        }
    }
}
