using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>
/// A donation as its donor sees it on "Mein KOK", with every payment; for a monthly one also a pause still running,
/// a planned end, and whether the donor may change it (<see cref="Donation.IsRunningMonthly"/>).
/// </summary>
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
    public DateTimeOffset? PausedUntil { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public bool Changeable { get; init; }

    /// <summary>Whether the donor may set up another card or SEPA mandate for the next payments (<see cref="StartPaymentMethodChange"/>).</summary>
    public bool PaymentMethodChangeable { get; init; }

    /// <param name="now">A pause that is over is not shown.</param>
    public static SupporterDonationView Of(Donation donation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return new SupporterDonationView(
            donation.Id, donation.Status, donation.AmountCents, donation.Interval, donation.PaymentMethod, donation.WantsReceipt,
            donation.Donor.Name, donation.Donor.Address, donation.CreatedAt, donation.EndedAt,
            [.. donation.Payments.Select(p => new PaymentView(p.Id, p.AmountCents, p.Status, p.CreatedAt, p.PaidAt, p.FailedAt, p.RefundedAt, p.RefundedCents))])
        {
            PausedUntil = donation.PausedUntil > now && donation.EndedAt is null ? donation.PausedUntil : null,
            EndsAt = donation.EndedAt is null ? donation.EndsAt : null,
            Changeable = donation.IsRunningMonthly,
            PaymentMethodChangeable = donation.PaymentMethodReplaceable,
        };
    }
}
