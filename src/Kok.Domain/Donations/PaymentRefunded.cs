namespace Kok.Domain.Donations;

/// <summary>
/// Money of a payment was paid back (<paramref name="RefundedCents"/> in total so far; <paramref name="Fully"/> when
/// all of it). A receipt already issued for the payment must be withdrawn or corrected.
/// </summary>
public sealed record PaymentRefunded(string DonationId, string PaymentId, long RefundedCents, bool Fully)
    : DonationEvent(DonationId);
