using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The answer of <see cref="RemindMember"/>: done (the mail is queued), not found, or a conflict: nothing is
/// outstanding (<see cref="Status"/> says why), or a staff reminder went out at <see cref="LastReminderAt"/>, less
/// than <see cref="RemindMember.MinimumGap"/> ago, and the next is possible from <see cref="NextReminderAt"/>.
/// </summary>
public sealed record RemindMemberResult(
    StaffActionOutcome Outcome,
    string MemberId,
    MemberMailKind MailKind = MemberMailKind.DuesStaffReminder,
    MembershipStatus? Status = null,
    string? StaffActionId = null)
{
    /// <summary>When the last staff reminder to the member went out, if that is why the reminder was refused.</summary>
    public DateTimeOffset? LastReminderAt { get; init; }

    /// <summary>From when another staff reminder is possible.</summary>
    public DateTimeOffset? NextReminderAt => LastReminderAt + RemindMember.MinimumGap;
}
