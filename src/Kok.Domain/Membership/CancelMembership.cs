using Kok.Domain.Common;

namespace Kok.Domain.Membership;

/// <summary>
/// Self-service and staff cancellation. The member's personal link (<see cref="MemberLinks"/>) needs no login: its
/// token is checked before storage is touched, so a tampered, foreign or expired link reads and changes nothing.
/// A cancellation schedules the end of the membership in the endings index, asks for the confirmation mail and
/// saves the member; cancelling again changes nothing and sends nothing.
/// Storage cost: showing the page is one point read; cancelling is one read, one index upsert, one queue message
/// and one conditional write.
/// </summary>
public sealed class CancelMembership(
    IMemberRepository members,
    IMemberMailQueue memberMailQueue,
    MemberLinks links,
    TimeProvider timeProvider)
{
    public const int MaxSaveAttempts = 5;

    public async Task<CancelMembershipResult> ShowAsync(string memberId, string? token, CancellationToken cancellationToken)
    {
        if (Check(memberId, token) is { } rejected)
        {
            return rejected;
        }

        var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new CancelMemberNotFound();
        }

        var endsOn = stored.Member.EndsOnIfCancelled(AssociationCalendar.Date(timeProvider.GetUtcNow()));
        return new CancelPageShown(MemberView.Of(stored.Member), endsOn is { } end ? MembershipEnd.LastDay(end) : null);
    }

    public async Task<CancelMembershipResult> ByMemberAsync(string memberId, string? token, CancellationToken cancellationToken)
    {
        if (Check(memberId, token) is { } rejected)
        {
            return rejected;
        }

        return await CancelAsync(memberId, Member.CancelledByMember, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The member signed in to "Mein KOK" cancels (the caller has checked that the membership is theirs); recorded as
    /// cancelled by the member, as through the personal link.
    /// </summary>
    public Task<CancelMembershipResult> BySignedInMemberAsync(string memberId, CancellationToken cancellationToken) =>
        Member.IsWellFormedId(memberId)
            ? CancelAsync(memberId, Member.CancelledByMember, cancellationToken)
            : Task.FromResult<CancelMembershipResult>(new CancelMemberNotFound());

    /// <summary>Staff cancel on the member's behalf; <paramref name="staffId"/> is recorded as who cancelled.</summary>
    public async Task<CancelMembershipResult> ByStaffAsync(string memberId, string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(staffId);
        if (!Member.IsWellFormedId(memberId))
        {
            return new CancelMemberNotFound();
        }

        return await CancelAsync(memberId, "staff:" + staffId, cancellationToken).ConfigureAwait(false);
    }

    private CancelLinkRejected? Check(string memberId, string? token)
    {
        if (!Member.IsWellFormedId(memberId))
        {
            return new CancelLinkRejected(LinkTokenCheck.Invalid);
        }

        var check = links.Check(memberId, MemberLinks.CancelPurpose, token, timeProvider.GetUtcNow());
        return check == LinkTokenCheck.Valid ? null : new CancelLinkRejected(check);
    }

    private async Task<CancelMembershipResult> CancelAsync(string memberId, string cancelledBy, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new CancelMemberNotFound();
            }

            var member = stored.Member;
            var outcome = member.Cancel(timeProvider.GetUtcNow(), cancelledBy);
            if (outcome is MemberCancellation.AlreadyCancelled or MemberCancellation.AlreadyEnded)
            {
                return new MembershipCancelled(outcome, MemberView.Of(member));
            }

            // The member's save also lists it under its end date (before the write, so a crash leaves an entry the
            // daily run drops as stale, never a cancelled member nobody ends).
            await memberMailQueue.EnqueueAsync(
                new MemberMailRequest(MemberMailKind.CancellationConfirmed, member.Id), cancellationToken).ConfigureAwait(false);

            if (await members.TrySaveAsync(member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                return new MembershipCancelled(outcome, MemberView.Of(member));
            }
        }

        throw new InvalidOperationException("The membership kept changing while being cancelled; please try again.");
    }
}
