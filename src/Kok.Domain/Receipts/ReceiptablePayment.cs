namespace Kok.Domain.Receipts;

/// <summary>
/// One paid payment of a monthly donation as the annual run's index lists it under its Berlin payment year: which
/// donor group (<see cref="AnnualReceiptGrouping"/>), which payment, when and how much was kept (paid less partial
/// refunds), and whether the donor is left out. Ids, dates and money only.
/// </summary>
public sealed record ReceiptablePayment(
    ReceiptDonorKey DonorKey,
    string DonationId,
    string PaymentId,
    DateOnly PaidOn,
    long AmountCents,
    AnnualReceiptLeftOutReason? LeftOut)
{
    public ReceiptPaymentKey Key => ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, DonationId, PaymentId);
}
