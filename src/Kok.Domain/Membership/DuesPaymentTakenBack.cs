namespace Kok.Domain.Membership;

/// <summary>
/// A dues payment was taken back by the payer's bank (returned debit or dispute): its Mitgliedsbeitrag receipt is
/// withdrawn by the same path as a refund's.
/// </summary>
public sealed record DuesPaymentTakenBack(string MemberId, string PaymentId, DateOnly PeriodStart) : MemberEvent(MemberId);
