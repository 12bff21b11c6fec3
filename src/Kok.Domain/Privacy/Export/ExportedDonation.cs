using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// A donation as stored, for the supporter's copy: the donor's data as given, the payment provider's ids that name
/// them there, the privacy notice the form showed, and every payment.
/// </summary>
public sealed record ExportedDonation(
    string DonationId,
    DonationStatus Status,
    long AmountCents,
    DonationInterval Interval,
    PaymentMethodKind PaymentMethod,
    bool WantsReceipt,
    string Locale,
    ContactDetails Donor,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<PaymentView> Payments)
{
    public string? PrivacyNoticeVersion { get; init; }

    public DateTimeOffset? PausedUntil { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The payment provider's customer and subscription (Stripe), which hold the card or mandate there.</summary>
    public string? CustomerId { get; init; }

    public string? SubscriptionId { get; init; }

    public static ExportedDonation Of(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return new ExportedDonation(
            donation.Id, donation.Status, donation.AmountCents, donation.Interval, donation.PaymentMethod, donation.WantsReceipt,
            donation.Locale, donation.Donor, donation.CreatedAt, donation.EndedAt,
            [.. donation.Payments.Select(p => new PaymentView(p.Id, p.AmountCents, p.Status, p.CreatedAt, p.PaidAt, p.FailedAt, p.RefundedAt, p.RefundedCents))])
        {
            PrivacyNoticeVersion = donation.PrivacyNoticeVersion,
            PausedUntil = donation.PausedUntil,
            EndsAt = donation.EndsAt,
            CustomerId = donation.CustomerId,
            SubscriptionId = donation.SubscriptionId,
        };
    }
}
