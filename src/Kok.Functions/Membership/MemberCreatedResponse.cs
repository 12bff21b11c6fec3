namespace Kok.Functions.Membership;

/// <summary>The 201 body of <c>POST /api/memberships</c>; a replay with the same Idempotency-Key gets the same.</summary>
public sealed record MemberCreatedResponse(string MemberId, string CheckoutUrl);
