using Kok.Domain.Common;

namespace Kok.Domain.Membership;

/// <summary>
/// The end of one <see cref="Member"/>'s membership: who cancelled and when, and the day it ends. A paid membership
/// runs to the end of its paid period without further dues; one with nothing paid for the current period ends at
/// once. The daily end run then ends what is due (<see cref="EndIfDue"/>).
/// </summary>
internal sealed class MemberEnding(Member member)
{
    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelledBy { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public void Restore(DateTimeOffset? cancelledAt, string? cancelledBy, DateOnly? endsOn)
    {
        CancelledAt = cancelledAt;
        CancelledBy = cancelledBy;
        EndsOn = endsOn;
    }

    public MemberCancellation Cancel(DateTimeOffset now, string cancelledBy)
    {
        switch (member.Status)
        {
            case MembershipStatus.Ended:
                return CancelledAt is null ? MemberCancellation.AlreadyEnded : MemberCancellation.AlreadyCancelled;
            case MembershipStatus.Cancelling:
                return MemberCancellation.AlreadyCancelled;
        }

        var today = AssociationCalendar.Date(now);
        var runsOnUntil = EndsOnIfCancelled(today);
        CancelledAt = now;
        CancelledBy = cancelledBy;
        member.StopDues();
        var by = cancelledBy == Member.CancelledByMember ? "the member" : "staff";
        if (runsOnUntil is { } endsOn)
        {
            EndsOn = endsOn;
            member.MoveTo(MembershipStatus.Cancelling, now, $"cancelled by {by}; ends on {endsOn:yyyy-MM-dd}");
            return MemberCancellation.WillEnd;
        }

        EndsOn = today;
        if (member.Status is MembershipStatus.Active or MembershipStatus.Overdue)
        {
            member.MoveTo(MembershipStatus.Cancelling, now, $"cancelled by {by}");
        }

        member.MoveTo(MembershipStatus.Ended, now, $"cancelled by {by} with nothing paid for the current period");
        return MemberCancellation.EndedNow;
    }

    /// <summary>
    /// Cancels and ends today whatever was paid (staff's choice when they erase a supporter's data, Art. 17 DSGVO);
    /// false when the membership had ended already.
    /// </summary>
    public bool EndAtOnce(DateTimeOffset now, string cancelledBy)
    {
        if (member.Status == MembershipStatus.Ended || Cancel(now, cancelledBy) == MemberCancellation.EndedNow)
        {
            return member.Status == MembershipStatus.Ended && EndsOn == AssociationCalendar.Date(now);
        }

        EndsOn = AssociationCalendar.Date(now);
        member.MoveTo(MembershipStatus.Ended, now, "ended at once by staff");
        return true;
    }

    /// <summary>The day after the paid period when a cancellation today lets the membership run on to it; else null.</summary>
    public DateOnly? EndsOnIfCancelled(DateOnly today) =>
        member.Status is MembershipStatus.Active or MembershipStatus.Overdue && member.PaidThrough is { } paidThrough && paidThrough.AddDays(1) > today
            ? paidThrough.AddDays(1)
            : null;

    public bool EndIfDue(DateTimeOffset now)
    {
        if (member.Status != MembershipStatus.Cancelling || EndsOn is not { } endsOn || AssociationCalendar.Date(now) < endsOn)
        {
            return false;
        }

        member.MoveTo(MembershipStatus.Ended, now, "paid period over after cancellation");
        return true;
    }
}
