namespace Kok.Domain.Membership;

/// <summary>The same request came again under the same idempotency key: answer as the first time (HTTP 201).</summary>
public sealed record MemberReplayed(string MemberId, Uri CheckoutUrl) : CreateMemberResult;
