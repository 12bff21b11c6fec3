namespace Kok.Domain.Membership;

/// <summary>The first year's dues arrived: the membership is active. Triggers the dues receipt and the welcome mail.</summary>
public sealed record MemberActivated(string MemberId, string PaymentId, long AmountCents) : MemberEvent(MemberId);
