namespace Kok.Domain.Membership;

/// <summary>The cancellation was applied (or had been before, see <paramref name="Outcome"/>).</summary>
public sealed record MembershipCancelled(MemberCancellation Outcome, MemberView Member) : CancelMembershipResult;
