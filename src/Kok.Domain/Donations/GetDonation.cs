namespace Kok.Domain.Donations;

/// <summary><c>GET /api/donations/{id}</c> for staff: the donation's status and payments, or null if unknown.</summary>
public sealed class GetDonation(IDonationRepository donations)
{
    public async Task<DonationView?> ExecuteAsync(string donationId, CancellationToken cancellationToken)
    {
        // Malformed ids cannot exist; answering without a storage call also keeps odd strings out of storage keys.
        if (!Donation.IsWellFormedId(donationId))
        {
            return null;
        }

        var stored = await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var donation = stored.Donation;
        return new DonationView(
            donation.Id,
            donation.Status,
            donation.AmountCents,
            donation.Interval,
            donation.PaymentMethod,
            donation.WantsReceipt,
            donation.CreatedAt,
            donation.EndedAt,
            donation.Payments
                .Select(p => new PaymentView(
                    p.Id, p.AmountCents, p.Status, p.CreatedAt, p.PaidAt, p.FailedAt, p.RefundedAt, p.RefundedCents))
                .ToList())
        {
            PrivacyNoticeVersion = donation.PrivacyNoticeVersion,
        };
    }
}
