using Kok.Domain.Donations;
using Kok.Domain.Dues;

namespace Kok.Domain.Membership;

/// <summary>
/// Stores supporting members. Persist <see cref="Member.ToSnapshot"/>, load with <see cref="Member.FromSnapshot"/>.
/// Besides the member itself the store keeps small indexes, each derived from the member's state on every write:
/// provider ids (payment intents) for events without our metadata, email addresses for the duplicate check, the dates
/// on which cancelled memberships end, and the dues agenda, which lists every member under the one day the dues run
/// must look at it next (<see cref="Member.DuesAgendaDate"/>, set by <see cref="Dues.ReschedulingMemberRepository"/>
/// before each write). New entries are written before the member and old ones removed after it, so a crash leaves at
/// most a stale entry (which the daily runs recognise and drop), never a member missing from an index.
/// </summary>
public interface IMemberRepository
{
    /// <summary>The member and its version, or null. Callers only pass well-formed ids.</summary>
    Task<VersionedMember?> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a new member and makes it findable by its email address; false (and no member written) when one with
    /// its id already exists.
    /// </summary>
    Task<bool> TryAddAsync(Member member, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the member if its stored version is still <paramref name="expectedVersion"/>; false on a concurrent
    /// change. Writes the index entries for <paramref name="newReferences"/> first (idempotent upserts), as
    /// <see cref="IDonationRepository.TrySaveAsync"/> explains.
    /// </summary>
    Task<bool> TrySaveAsync(
        Member member,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken);

    /// <summary>The id of the member indexed under <paramref name="reference"/>, or null.</summary>
    Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken);

    /// <summary>Ids of all members who signed up with <paramref name="email"/> (compared case-insensitively).</summary>
    Task<IReadOnlyList<string>> FindIdsByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Drops a stale ending entry (idempotent; absent is fine); the store keeps the others itself.</summary>
    Task RemoveEndingAsync(string memberId, DateOnly endsOn, CancellationToken cancellationToken);

    /// <summary>Scheduled endings on or before <paramref name="day"/>, oldest first.</summary>
    Task<IReadOnlyList<ScheduledEnding>> FindEndingsDueAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Dues agenda entries on or before <paramref name="day"/>, oldest first.</summary>
    Task<IReadOnlyList<DuesAgendaEntry>> FindDuesAgendaAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Drops a stale dues agenda entry (idempotent; absent is fine).</summary>
    Task RemoveDuesAgendaAsync(DuesAgendaEntry entry, CancellationToken cancellationToken);
}
