using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>A donation as its donor sees it on "Mein KOK", with every payment.</summary>
public sealed record SupporterDonationView(
    string DonationId,
    DonationStatus Status,
    long AmountCents,
    DonationInterval Interval,
    PaymentMethodKind PaymentMethod,
    bool WantsReceipt,
    string Name,
    PostalAddress? Address,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<PaymentView> Payments)
{
    public static SupporterDonationView Of(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return new SupporterDonationView(
            donation.Id, donation.Status, donation.AmountCents, donation.Interval, donation.PaymentMethod, donation.WantsReceipt,
            donation.Donor.Name, donation.Donor.Address, donation.CreatedAt, donation.EndedAt,
            [.. donation.Payments.Select(p => new PaymentView(p.Id, p.AmountCents, p.Status, p.CreatedAt, p.PaidAt, p.FailedAt, p.RefundedAt, p.RefundedCents))]);
    }
}
