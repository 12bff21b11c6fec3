using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// The member repository as use cases see it: before every write it moves the member to the day the dues run must
/// look at it next under the configured <see cref="DuesPolicy"/> (<see cref="Member.RescheduleDues"/>), so the agenda
/// the store keeps can never miss a change. A domain rule, so it runs here, in the domain, not in the storage adapter,
/// which only maps and indexes what it is given.
/// </summary>
public sealed class ReschedulingMemberRepository(IMemberRepository inner, DuesPolicy policy) : IMemberRepository
{
    public Task<VersionedMember?> GetAsync(string memberId, CancellationToken cancellationToken) =>
        inner.GetAsync(memberId, cancellationToken);

    public Task<bool> TryAddAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        member.RescheduleDues(policy);
        return inner.TryAddAsync(member, cancellationToken);
    }

    public Task<bool> TrySaveAsync(
        Member member,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        member.RescheduleDues(policy);
        return inner.TrySaveAsync(member, expectedVersion, newReferences, cancellationToken);
    }

    public Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken) =>
        inner.FindIdAsync(reference, cancellationToken);

    public Task<IReadOnlyList<string>> FindIdsByEmailAsync(string email, CancellationToken cancellationToken) =>
        inner.FindIdsByEmailAsync(email, cancellationToken);

    public Task RemoveEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken) =>
        inner.RemoveEndingAsync(memberId, endsOn, cancellationToken);

    public Task<IReadOnlyList<ScheduledEnding>> FindEndingsDueAsync(DateOnly day, CancellationToken cancellationToken) =>
        inner.FindEndingsDueAsync(day, cancellationToken);

    public Task<IReadOnlyList<DuesAgendaEntry>> FindDuesAgendaAsync(DateOnly day, CancellationToken cancellationToken) =>
        inner.FindDuesAgendaAsync(day, cancellationToken);

    public Task RemoveDuesAgendaAsync(DuesAgendaEntry entry, CancellationToken cancellationToken) =>
        inner.RemoveDuesAgendaAsync(entry, cancellationToken);
}
