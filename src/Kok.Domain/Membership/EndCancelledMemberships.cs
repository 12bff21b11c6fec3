namespace Kok.Domain.Membership;

/// <summary>
/// The daily run that ends cancelled memberships whose paid period is over. It reads only the endings index up to
/// today (a range of date partitions), never the member table, so its cost grows with the members due, not with all
/// members. Per member ended: one index entry read, one member read, one conditional write, one index delete.
/// </summary>
public sealed class EndCancelledMemberships(IMemberRepository members, TimeProvider timeProvider)
{
    public const int MaxSaveAttempts = 5;

    /// <summary>Returns how many memberships ended.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await members.FindEndingsDueAsync(Kok.Domain.Common.AssociationCalendar.Date(now), cancellationToken)
            .ConfigureAwait(false);
        var ended = 0;
        foreach (var entry in due)
        {
            if (await EndAsync(entry, now, cancellationToken).ConfigureAwait(false))
            {
                ended++;
            }
        }

        return ended;
    }

    private async Task<bool> EndAsync(ScheduledEnding entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = Member.IsWellFormedId(entry.MemberId)
                ? await members.GetAsync(entry.MemberId, cancellationToken).ConfigureAwait(false)
                : null;
            if (stored is null || !stored.Member.EndIfDue(now))
            {
                // Unknown, already ended, or an entry left by an interrupted cancellation: drop it.
                if (stored?.Member is not { Status: MembershipStatus.Cancelling, EndsOn: var endsOn } || endsOn != entry.EndsOn)
                {
                    await members.RemoveEndingAsync(entry.MemberId, entry.EndsOn, cancellationToken).ConfigureAwait(false);
                }

                return false;
            }

            // The save also drops the member's ending entry (after the write): it is no longer a cancelling member.
            if (await members.TrySaveAsync(stored.Member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        // Left in the index: tomorrow's run tries again.
        return false;
    }
}
