using Kok.Domain.Donations;

namespace Kok.Domain.Dashboard;

/// <summary>Money a payment brought in and KOK kept: its amount less what was paid back.</summary>
internal static class PaymentNet
{
    public static long Cents(Payment payment, long fallbackAmountCents) =>
        payment.Status == PaymentStatus.Refunded
            ? 0
            : Math.Max(0, (payment.AmountCents > 0 ? payment.AmountCents : fallbackAmountCents) - payment.RefundedCents);
}
