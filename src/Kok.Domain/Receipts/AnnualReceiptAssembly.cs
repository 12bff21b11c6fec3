using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// Builds the Sammelbestätigung of one donor key and payment year from what is true now: the index names the
/// payments, each donation is loaded and every payment re-checked (still paid, paid in that year in Berlin time, the
/// amount kept after partial refunds, the donation still wanting a receipt with an address and still in this group),
/// so a stale index row can never put a refunded payment on a receipt. Used by the annual run, by corrections and by
/// <see cref="PaymentNoLongerCounts"/>, so all three confirm the same payments. One read per donation of the group.
/// </summary>
public sealed class AnnualReceiptAssembly(IAnnualReceiptIndex index, IDonationRepository donations, OrganisationProfile organisation)
{
    /// <summary>
    /// The request for the <paramref name="group"/>'s payments dated <paramref name="issueDate"/>, leaving out
    /// <paramref name="exclude"/>; null when no payment counts.
    /// </summary>
    /// <exception cref="ReceiptsUnavailableException">§ 63 Abs. 5 AO or missing settings forbid a receipt that day.</exception>
    public async Task<AssembledAnnualReceipt?> AssembleAsync(
        AnnualReceiptGroup group, IReadOnlyCollection<ReceiptPaymentKey> exclude, DateOnly issueDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(group.DonorKey);
        ArgumentNullException.ThrowIfNull(exclude);
        var (year, donorKey, donationIds) = group;
        var payments = new List<AnnualReceiptPayment>();
        Donation? newest = null;
        foreach (var donationId in donationIds ?? await CountedDonationsAsync(year, donorKey, cancellationToken).ConfigureAwait(false))
        {
            if (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false) is not { Donation: var donation }
                || donation.Interval != DonationInterval.Monthly
                || AnnualReceiptGrouping.LeftOut(donation.WantsReceipt, donation.Donor.Address) is not null
                || AnnualReceiptGrouping.KeyOf(donation.Donor) != donorKey)
            {
                continue;
            }

            var counted = donation.Payments
                .Select(p => Counted(donation.Id, p, year))
                .OfType<AnnualReceiptPayment>()
                .Where(p => !exclude.Contains(p.Key))
                .ToList();
            if (counted.Count > 0)
            {
                payments.AddRange(counted);
                newest = newest is null || donation.CreatedAt > newest.CreatedAt ? donation : newest;
            }
        }

        if (newest is null)
        {
            return null;
        }

        if (payments.Count > AnnualReceiptIssueRequest.MaxPayments)
        {
            throw new UnprocessableMessageException(
                $"donor {donorKey} has {payments.Count} payments in {year}, more than one Sammelbestätigung lists ({AnnualReceiptIssueRequest.MaxPayments}); staff must split it by period");
        }

        var donor = newest.Donor;
        var request = new AnnualReceiptIssueRequest(
            AnnualReceiptSubject.CalendarYear(donorKey, year),
            new ReceiptDonor(donor.Name, donor.Address!.Lines()),
            payments,
            issueDate,
            organisation);
        return new AssembledAnnualReceipt(request, new MailRecipient(donor.Email, donor.Name), MailLanguageCode.Parse(newest.Locale));
    }

    /// <summary>
    /// Where the group's mails go: the newest donation of the group that still belongs to it (the one paid last, or
    /// created last when <paramref name="donationIds"/> are given); null when none does.
    /// </summary>
    public async Task<(MailRecipient To, MailLanguage Language)?> RecipientAsync(
        int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken, IReadOnlyCollection<string>? donationIds = null)
    {
        IEnumerable<string> candidates = donationIds is null
            ? (await index.ListAsync(year, donorKey, cancellationToken).ConfigureAwait(false))
                .OrderByDescending(e => e.PaidOn).Select(e => e.DonationId).Distinct(StringComparer.Ordinal)
            : donationIds;
        Donation? chosen = null;
        foreach (var donationId in candidates)
        {
            if (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false) is { Donation: var donation }
                && AnnualReceiptGrouping.KeyOf(donation.Donor) == donorKey
                && (chosen is null || donationIds is not null && donation.CreatedAt > chosen.CreatedAt))
            {
                chosen = donation;
                if (donationIds is null)
                {
                    break; // Ordered by the last payment already: the first that belongs is the one.
                }
            }
        }

        return chosen is null ? null : (new MailRecipient(chosen.Donor.Email, chosen.Donor.Name), MailLanguageCode.Parse(chosen.Locale));
    }

    private async Task<IEnumerable<string>> CountedDonationsAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken) =>
        (await index.ListAsync(year, donorKey, cancellationToken).ConfigureAwait(false))
            .Where(e => e.LeftOut is null).Select(e => e.DonationId).Distinct(StringComparer.Ordinal);

    /// <summary>The payment as a receipt line when it counts in <paramref name="year"/>: paid, not fully refunded, something kept.</summary>
    private static AnnualReceiptPayment? Counted(string donationId, Payment payment, int year)
    {
        if (payment.Status != PaymentStatus.Paid || payment.PaidAt is not { } paidAt || GermanTime.DateOf(paidAt).Year != year)
        {
            return null;
        }

        var kept = payment.AmountCents - payment.RefundedCents;
        return kept <= 0
            ? null
            : new AnnualReceiptPayment(
                ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, donationId, payment.Id), GermanTime.DateOf(paidAt), ReceiptKind.Donation, kept);
    }
}
