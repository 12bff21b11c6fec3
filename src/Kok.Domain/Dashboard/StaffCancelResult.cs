using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The answer of <see cref="CancelMemberByStaff"/>: done with the member's status and end date (<see cref="EndsOn"/>
/// the first day no longer a member, <see cref="MemberUntil"/> the last day of membership, the date people are told),
/// or not found.
/// </summary>
public sealed record StaffCancelResult(
    StaffActionOutcome Outcome,
    string MemberId,
    MembershipStatus? Status = null,
    DateOnly? EndsOn = null,
    MemberCancellation? Cancellation = null,
    DateOnly? MemberUntil = null);
