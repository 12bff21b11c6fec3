namespace Kok.Domain.Membership;

/// <summary>The idempotency key was used in the last 24 hours with a different body (HTTP 422).</summary>
public sealed record MemberIdempotencyConflict : CreateMemberResult;
