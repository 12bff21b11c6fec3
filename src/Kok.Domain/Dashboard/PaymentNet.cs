using Kok.Domain.Donations;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Money a payment brought in and KOK kept: its amount less what was paid back; nothing when it was refunded in full
/// or the payer's bank took it back (returned, or held in an open dispute: it counts again once the dispute is won).
/// Derived from the payment's state, so the totals follow however often an event is applied.
/// </summary>
internal static class PaymentNet
{
    public static bool Kept(Payment payment) =>
        payment.Status is not (PaymentStatus.Refunded or PaymentStatus.Returned or PaymentStatus.Disputed);

    public static long Cents(Payment payment, long fallbackAmountCents) =>
        !Kept(payment)
            ? 0
            : Math.Max(0, (payment.AmountCents > 0 ? payment.AmountCents : fallbackAmountCents) - payment.RefundedCents);
}
