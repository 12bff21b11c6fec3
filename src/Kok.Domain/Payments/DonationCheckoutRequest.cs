using Kok.Domain.Donations;

namespace Kok.Domain.Payments;

/// <summary>What the payment provider needs to take a donation; carries no address, only what checkout shows.</summary>
public sealed record DonationCheckoutRequest(
    string DonationId,
    long AmountCents,
    DonationInterval Interval,
    PaymentMethodKind PaymentMethod,
    string DonorEmail,
    string Locale);
