using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>The answer of <see cref="CancelMemberByStaff"/>: done with the member's status and end date, or not found.</summary>
public sealed record StaffCancelResult(
    StaffActionOutcome Outcome,
    string MemberId,
    MembershipStatus? Status = null,
    DateOnly? EndsOn = null,
    MemberCancellation? Cancellation = null);
