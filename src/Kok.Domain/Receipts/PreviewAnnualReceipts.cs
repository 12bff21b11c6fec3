using Kok.Domain.Donations;

namespace Kok.Domain.Receipts;

/// <summary>
/// The staff preview of a year's annual run (<see cref="AnnualReceiptPreview"/>) and a sample Sammelbestätigung of
/// its first donor group rendered as a draft (marked "Entwurf — keine gültige Zuwendungsbestätigung", no number).
/// Reads only: the year's index, the register's donor rows, one donation per left-out group; writes nothing.
/// </summary>
public sealed class PreviewAnnualReceipts(
    IAnnualReceiptIndex index,
    IAnnualReceiptRuns runs,
    IDonationRepository donations,
    AnnualReceiptAssembly assembly,
    IReceiptRenderer renderer,
    OrganisationProfile organisation,
    TimeProvider time)
{
    public async Task<AnnualReceiptPreview> ExecuteAsync(int year, CancellationToken cancellationToken)
    {
        var plan = await AnnualReceiptPlan.ReadAsync(index, year, cancellationToken).ConfigureAwait(false);
        var issued = await runs.IssuedAsync(year, cancellationToken).ConfigureAwait(false);
        var leftOut = new List<AnnualReceiptLeftOutDonor>();
        foreach (var group in plan.LeftOut)
        {
            if (await donations.GetAsync(group.DonationId, cancellationToken).ConfigureAwait(false) is { Donation: var donation })
            {
                leftOut.Add(new AnnualReceiptLeftOutDonor(
                    donation.Id, donation.Donor.Name, donation.Donor.Email, group.Reason, group.Payments.Count, group.TotalCents));
            }
        }

        return new AnnualReceiptPreview(
            year,
            plan.Donors.Count,
            plan.Payments,
            plan.TotalCents,
            plan.Donors.Count(issued.Contains),
            leftOut,
            organisation.ReceiptBlockerOn(GermanTime.Today(time)));
    }

    /// <summary>The first donor group's Sammelbestätigung as a draft PDF; null when no group has a payment that counts.</summary>
    /// <exception cref="ReceiptsUnavailableException">Receipts are blocked today, so not even a draft can be made.</exception>
    public async Task<byte[]?> SampleAsync(int year, CancellationToken cancellationToken)
    {
        var plan = await AnnualReceiptPlan.ReadAsync(index, year, cancellationToken).ConfigureAwait(false);
        var today = GermanTime.Today(time);
        foreach (var donor in plan.Donors.Take(5))
        {
            if (await assembly.AssembleAsync(new AnnualReceiptGroup(year, donor), [], today, cancellationToken).ConfigureAwait(false) is { } assembled)
            {
                return renderer.Render(assembled.Request.ToDraft(), organisation);
            }
        }

        return null;
    }
}
