namespace Kok.Domain.Membership;

/// <summary>
/// Outcome of <see cref="CancelMembership"/>: <see cref="CancelLinkRejected"/>, <see cref="CancelMemberNotFound"/>,
/// <see cref="CancelPageShown"/> or <see cref="MembershipCancelled"/>.
/// </summary>
public abstract record CancelMembershipResult;
