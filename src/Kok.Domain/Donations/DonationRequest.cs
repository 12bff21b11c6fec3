using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>A validated, normalised donation request.</summary>
public sealed record DonationRequest(
    long AmountCents,
    DonationInterval Interval,
    PaymentMethodKind PaymentMethod,
    ContactDetails Donor,
    bool WantsReceipt,
    string Locale)
{
    /// <summary>Identifies "the same request" for idempotency: equal values give equal fingerprints.</summary>
    public string Fingerprint() => RequestFingerprint.Compute(
        AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Interval.ToString(),
        PaymentMethod.ToString(),
        Donor.Name,
        Donor.Email,
        Donor.Address?.Street,
        Donor.Address?.PostalCode,
        Donor.Address?.City,
        Donor.Address?.Country,
        WantsReceipt ? "receipt" : "no-receipt",
        Locale);
}
