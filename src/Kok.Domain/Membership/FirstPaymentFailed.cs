namespace Kok.Domain.Membership;

/// <summary>The first year's dues could not be collected (a bounced SEPA debit); the member is told how to retry.</summary>
public sealed record FirstPaymentFailed(string MemberId, string PaymentId) : MemberEvent(MemberId);
