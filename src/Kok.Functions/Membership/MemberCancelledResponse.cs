using Kok.Domain.Membership;

namespace Kok.Functions.Membership;

/// <summary>The JSON answer to a cancellation (<c>Accept: application/json</c>).</summary>
public sealed record MemberCancelledResponse(string MemberId, MemberCancellation Outcome, MembershipStatus Status, DateOnly? EndsOn);
