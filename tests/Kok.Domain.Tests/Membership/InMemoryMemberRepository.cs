using System.Globalization;
using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Tests.Membership;

/// <summary>Behaves like the storage adapter must: snapshots, versions, conditional writes, indexes.</summary>
internal sealed class InMemoryMemberRepository : IMemberRepository
{
    private readonly Dictionary<string, (MemberSnapshot Snapshot, int Version)> rows = new(StringComparer.Ordinal);

    public Dictionary<PaymentReference, string> Index { get; } = [];

    public HashSet<ScheduledEnding> Endings { get; } = [];

    public int Saves { get; private set; }

    public Member Stored(string id) => Member.FromSnapshot(rows[id].Snapshot);

    public Task<VersionedMember?> GetAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(rows.TryGetValue(memberId, out var row)
            ? new VersionedMember(Member.FromSnapshot(row.Snapshot), row.Version.ToString(CultureInfo.InvariantCulture))
            : null);

    public Task<bool> TryAddAsync(Member member, CancellationToken cancellationToken)
    {
        if (rows.ContainsKey(member.Id))
        {
            return Task.FromResult(false);
        }

        rows[member.Id] = (member.ToSnapshot(), 1);
        return Task.FromResult(true);
    }

    public Task<bool> TrySaveAsync(Member member, string expectedVersion, IReadOnlyCollection<PaymentReference> newReferences, CancellationToken cancellationToken)
    {
        foreach (var reference in newReferences)
        {
            Index[reference] = member.Id;
        }

        if (!rows.TryGetValue(member.Id, out var row) || row.Version.ToString(CultureInfo.InvariantCulture) != expectedVersion)
        {
            return Task.FromResult(false);
        }

        rows[member.Id] = (member.ToSnapshot(), row.Version + 1);
        Saves++;
        return Task.FromResult(true);
    }

    public Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken) =>
        Task.FromResult(Index.TryGetValue(reference, out var id) ? id : null);

    public Task<IReadOnlyList<string>> FindIdsByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(rows.Values
            .Where(r => string.Equals(r.Snapshot.Email, email, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Snapshot.Id)
            .ToList());

    public Task ScheduleEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken)
    {
        Endings.Add(new ScheduledEnding(memberId, endsOn));
        return Task.CompletedTask;
    }

    public Task RemoveEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken)
    {
        Endings.Remove(new ScheduledEnding(memberId, endsOn));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScheduledEnding>> FindEndingsDueAsync(DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScheduledEnding>>(Endings.Where(e => e.EndsOn <= day).OrderBy(e => e.EndsOn).ToList());
}
