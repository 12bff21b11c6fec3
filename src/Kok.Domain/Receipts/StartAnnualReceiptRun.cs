namespace Kok.Domain.Receipts;

/// <summary>
/// Starts (or resumes) the annual run for a payment year: reads that year's index once
/// (<see cref="AnnualReceiptPlan"/>), records the run for the progress view, and puts one message per donor group
/// that has no Sammelbestätigung yet on the queue (<see cref="IssueAnnualReceipt"/> handles each). So a run killed
/// half way, or started twice, is finished by the next start without doing anything twice: groups done are skipped
/// here, and a message for a group done meanwhile is a no-op. Its cost grows with that year's payments and receipts,
/// never with all data. Donors left out (no address, no receipt wanted) get no message; staff see them in the preview.
/// </summary>
public sealed class StartAnnualReceiptRun(IAnnualReceiptIndex index, IAnnualReceiptRuns runs, IAnnualReceiptQueue queue, TimeProvider time)
{
    /// <summary>The system's name as the starter of the scheduled run.</summary>
    public const string Scheduler = "timer";

    /// <summary>The starter recorded for a run started from the dashboard (the audit trail names the person).</summary>
    public const string ByStaff = "dashboard";

    /// <summary>The year before the current one in Berlin: the one the January run confirms.</summary>
    public int DefaultYear => GermanTime.Today(time).Year - 1;

    /// <summary>Whether <paramref name="year"/> is over in Berlin (a Sammelbestätigung is issued after its period) and not absurdly old.</summary>
    public bool CanRun(int year) => year >= 2000 && year < GermanTime.Today(time).Year;

    public async Task<AnnualReceiptRunStart> ExecuteAsync(int year, string startedBy, CancellationToken cancellationToken)
    {
        if (!CanRun(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Only a year that is over can be confirmed.");
        }

        var plan = await AnnualReceiptPlan.ReadAsync(index, year, cancellationToken).ConfigureAwait(false);
        var issued = await runs.IssuedAsync(year, cancellationToken).ConfigureAwait(false);
        await runs.RecordAsync(
            new AnnualReceiptRun(year, plan.Donors.Count, plan.Payments, plan.TotalCents, time.GetUtcNow(), startedBy),
            cancellationToken).ConfigureAwait(false);
        var messages = plan.Donors
            .Where(d => !issued.Contains(d))
            .Select(d => new AnnualReceiptMessage(year, d.Value) { DonationIds = Listed(plan.DonationsOf(d)) })
            .ToList();
        await queue.EnqueueAsync(messages, cancellationToken).ConfigureAwait(false);
        return new AnnualReceiptRunStart(year, plan.Donors.Count, messages.Count, plan.Donors.Count - messages.Count, plan.LeftOut.Count);
    }

    private static IReadOnlyList<string>? Listed(IReadOnlyList<string> donationIds) =>
        donationIds.Count is > 0 and <= AnnualReceiptMessage.MaxListedDonations ? donationIds : null;
}
