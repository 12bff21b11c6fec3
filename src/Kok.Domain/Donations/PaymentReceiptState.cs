using Kok.Domain.Receipts;

namespace Kok.Domain.Donations;

/// <summary>
/// A payment's state as the receipt mailer sees it, the same for donations and members. A payment the bank took back
/// (returned, or disputed, even if the dispute was later won) is <see cref="ReceiptPaymentState.Returned"/>: its
/// receipt was withdrawn when the money was taken and stays withdrawn, a number once storniert never comes back.
/// </summary>
public static class PaymentReceiptState
{
    public static ReceiptPaymentState Of(Payment? payment) => payment switch
    {
        null => ReceiptPaymentState.Unknown,
        { Status: PaymentStatus.Refunded } => ReceiptPaymentState.Refunded,
        { Status: PaymentStatus.Returned or PaymentStatus.Disputed } => ReceiptPaymentState.Returned,
        { Dispute: not null, PaidAt: not null } => ReceiptPaymentState.Returned,
        { Status: PaymentStatus.Processing } => ReceiptPaymentState.Pending,
        { Status: PaymentStatus.Paid } => ReceiptPaymentState.Paid,
        _ => ReceiptPaymentState.Failed,
    };
}
