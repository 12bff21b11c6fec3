using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The answer of <see cref="RemindMember"/>: done (the mail is queued), not found, or a conflict when nothing is
/// outstanding (<see cref="Status"/> says why).
/// </summary>
public sealed record RemindMemberResult(
    StaffActionOutcome Outcome,
    string MemberId,
    MemberMailKind MailKind = MemberMailKind.DuesStaffReminder,
    MembershipStatus? Status = null,
    string? StaffActionId = null);
