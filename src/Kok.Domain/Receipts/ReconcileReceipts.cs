using Kok.Domain.Dashboard;
using Kok.Domain.Donations;

namespace Kok.Domain.Receipts;

/// <summary>
/// The reconciliation report of a payment year (<c>GET /api/dashboard/receipts/reconciliation?year=</c>): machine-made
/// receipts must be traceable to the bookings. Paid donation payments of the year (monthly ones from the annual
/// index, one-time ones from the donation list of the year, each loaded) are matched by payment against the lines of
/// every valid receipt dated in the year or the next (Einzelbestätigungen are issued in the year, Sammelbestätigungen
/// in the next); each payment without receipt, each amount that differs and each receipt line without a paid
/// payment is listed. Reads only; cost grows with the year's payments and receipts. One-time donations created in
/// late December and paid in January count in the year they were created in the list, so they are looked for there.
/// </summary>
public sealed class ReconcileReceipts(
    IAnnualReceiptIndex index,
    IDashboardDonationList list,
    IDonationRepository donations,
    IReceiptRegister register)
{
    public async Task<ReceiptReconciliation> ExecuteAsync(int year, CancellationToken cancellationToken)
    {
        var paid = new Dictionary<string, (long Cents, ReconciliationIssue? Unreceipted)>(StringComparer.Ordinal);
        await foreach (var payment in index.ListAsync(year, cancellationToken).ConfigureAwait(false))
        {
            paid[payment.Key.Value] = (payment.AmountCents, payment.LeftOut switch
            {
                AnnualReceiptLeftOutReason.NoAddress => ReconciliationIssue.NoAddress,
                AnnualReceiptLeftOutReason.NoReceiptWanted => ReconciliationIssue.NoReceiptWanted,
                _ => ReconciliationIssue.NoReceipt,
            });
        }

        foreach (var created in new[] { year - 1, year })
        {
            await AddOneTimeAsync(created, year, paid, cancellationToken).ConfigureAwait(false);
        }

        var receipted = new Dictionary<string, (long Cents, string Number)>(StringComparer.Ordinal);
        long membership = 0;
        foreach (var issueYear in new[] { year, year + 1 })
        {
            foreach (var receipt in await register.ListAsync(issueYear, cancellationToken).ConfigureAwait(false))
            {
                if (receipt.Document.IsWithdrawn)
                {
                    continue;
                }

                foreach (var (key, line) in receipt.PaymentKeys.Zip(receipt.Document.Lines))
                {
                    if (line.PaymentDate.Year != year)
                    {
                        continue;
                    }

                    if (line.Kind == ReceiptKind.MembershipFee)
                    {
                        membership += line.AmountCents;
                        continue;
                    }

                    receipted[key.Value] = (line.AmountCents, receipt.Number);
                }
            }
        }

        var differences = new List<ReconciliationDifference>();
        foreach (var (key, (cents, unreceipted)) in paid)
        {
            if (!receipted.TryGetValue(key, out var receipt))
            {
                differences.Add(new ReconciliationDifference(key, unreceipted ?? ReconciliationIssue.NoReceipt, cents, 0, null));
            }
            else if (receipt.Cents != cents)
            {
                differences.Add(new ReconciliationDifference(key, ReconciliationIssue.AmountDiffers, cents, receipt.Cents, receipt.Number));
            }
        }

        differences.AddRange(receipted
            .Where(r => !paid.ContainsKey(r.Key))
            .Select(r => new ReconciliationDifference(r.Key, ReconciliationIssue.ReceiptWithoutPayment, 0, r.Value.Cents, r.Value.Number)));
        return new ReceiptReconciliation(
            year,
            paid.Values.Sum(p => p.Cents),
            receipted.Values.Sum(r => r.Cents),
            membership,
            paid.Count,
            differences.OrderBy(d => d.Explained).ThenBy(d => d.PaymentKey, StringComparer.Ordinal).ToList());
    }

    /// <summary>One-time donations listed under <paramref name="created"/> whose payments were paid in <paramref name="year"/>.</summary>
    private async Task AddOneTimeAsync(
        int created,
        int year,
        Dictionary<string, (long Cents, ReconciliationIssue? Unreceipted)> paid,
        CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var query = DonationListQuery.Parse(null, "once", created.ToString(System.Globalization.CultureInfo.InvariantCulture), null, token);
            var page = await list.ListAsync(query.Value!, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items.Where(i => i.PaidCents > 0))
            {
                if (await donations.GetAsync(item.Id, cancellationToken).ConfigureAwait(false) is not { Donation: var donation })
                {
                    continue;
                }

                var reason = AnnualReceiptGrouping.LeftOut(donation.WantsReceipt, donation.Donor.Address) switch
                {
                    AnnualReceiptLeftOutReason.NoAddress => ReconciliationIssue.NoAddress,
                    AnnualReceiptLeftOutReason.NoReceiptWanted => ReconciliationIssue.NoReceiptWanted,
                    _ => ReconciliationIssue.NoReceipt,
                };
                foreach (var payment in donation.Payments.Where(p => p.Status == PaymentStatus.Paid && p.PaidAt is { } at && GermanTime.DateOf(at).Year == year))
                {
                    var kept = payment.AmountCents - payment.RefundedCents;
                    if (kept > 0)
                    {
                        paid[ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, donation.Id, payment.Id).Value] = (kept, reason);
                    }
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
