namespace Kok.Domain.Membership;

/// <summary>
/// A year's dues could not be collected: the member is overdue and gets a mail with a link to pay.
/// <see cref="TakenBackPaymentId"/> names the payment when the period had been paid and the bank took the money back
/// (a returned debit, a dispute): before that is saved the period still looks paid, so the mail waits for it.
/// </summary>
public sealed record DuesChargeFailed(string MemberId, DateOnly PeriodStart, string? TakenBackPaymentId = null) : MemberEvent(MemberId);
