namespace Kok.Domain.Membership;

/// <summary>A new membership awaits its first payment at <paramref name="CheckoutUrl"/> (HTTP 201).</summary>
public sealed record MemberCreated(string MemberId, Uri CheckoutUrl) : CreateMemberResult;
