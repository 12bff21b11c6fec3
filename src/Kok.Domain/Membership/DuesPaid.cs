namespace Kok.Domain.Membership;

/// <summary>
/// A year's dues arrived (charged, settled, or paid by link). Triggers the receipt mail, which thanks the member for
/// the payment and carries the Zuwendungsbestätigung (receipt) of kind Mitgliedsbeitrag.
/// </summary>
public sealed record DuesPaid(string MemberId, string PaymentId, DateOnly PeriodStart, long AmountCents) : MemberEvent(MemberId);
