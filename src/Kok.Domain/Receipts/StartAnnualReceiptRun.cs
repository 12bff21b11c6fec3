namespace Kok.Domain.Receipts;

/// <summary>
/// Starts (or resumes) the annual run for a payment year: reads that year's index once
/// (<see cref="AnnualReceiptPlan"/>), records the run for the progress view, and puts one message per donor group
/// that has no Sammelbestätigung yet on the queue (<see cref="IssueAnnualReceipt"/> handles each). So a run killed
/// half way, or started twice, is finished by the next start without doing anything twice: groups done are skipped
/// here, and a message for a group done meanwhile is a no-op. Its cost grows with that year's payments and receipts,
/// never with all data. Donors left out (no address, no receipt wanted) get no message; staff see them in the preview.
/// The messages go out in waves of <see cref="Wave"/>, each ending with a start message for the groups after it
/// (<see cref="ContinueAsync"/>), which sends the next wave only once the queue has worked off most of the last one:
/// a queue never holds many more than a wave, which keeps each queue operation cheap on storage whose cost grows with
/// the messages waiting (Azurite scans them all on every receive and delete).
/// </summary>
public sealed class StartAnnualReceiptRun(IAnnualReceiptIndex index, IAnnualReceiptRuns runs, IAnnualReceiptQueue queue, TimeProvider time)
{
    /// <summary>The system's name as the starter of the scheduled run.</summary>
    public const string Scheduler = "timer";

    /// <summary>The starter recorded for a run started from the dashboard (the audit trail names the person).</summary>
    public const string ByStaff = "dashboard";

    /// <summary>Donor-group messages sent at a time: about 20 seconds of work at the run's pace.</summary>
    public const int Wave = 500;

    /// <summary>How long the next wave waits while more than half of the last one is still on the queue.</summary>
    public static readonly TimeSpan WhileBusy = TimeSpan.FromSeconds(5);

    /// <summary>The year before the current one in Berlin: the one the January run confirms.</summary>
    public int DefaultYear => GermanTime.Today(time).Year - 1;

    /// <summary>Whether <paramref name="year"/> is over in Berlin (a Sammelbestätigung is issued after its period) and not absurdly old.</summary>
    public bool CanRun(int year) => year >= 2000 && year < GermanTime.Today(time).Year;

    /// <returns>What the run has to do; <see cref="AnnualReceiptRunStart.Enqueued"/> counts every group still to confirm, sent now or in later waves.</returns>
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
        var toDo = plan.Donors.Where(d => !issued.Contains(d)).ToList();
        await SendWaveAsync(year, toDo.Take(Wave).Select(d => (d, plan.DonationsOf(d))).ToList(), more: toDo.Count > Wave, cancellationToken)
            .ConfigureAwait(false);
        return new AnnualReceiptRunStart(year, plan.Donors.Count, toDo.Count, plan.Donors.Count - toDo.Count, plan.LeftOut.Count);
    }

    /// <summary>
    /// The next wave after <paramref name="afterDonorKey"/>: put back for <see cref="WhileBusy"/> while more than half a
    /// wave still waits; else the next <see cref="Wave"/> groups without a Sammelbestätigung, read from the index from
    /// that key on, and the start message for the groups after them. Idempotent: a redelivery sends messages that are
    /// no-ops for groups done.
    /// </summary>
    public async Task ContinueAsync(int year, ReceiptDonorKey afterDonorKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterDonorKey);
        if (await queue.PendingAsync(cancellationToken).ConfigureAwait(false) > Wave / 2)
        {
            await queue.EnqueueLaterAsync(Continuation(year, afterDonorKey), WhileBusy, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (groups, more) = await GroupsAfterAsync(year, afterDonorKey, cancellationToken).ConfigureAwait(false);
        var issued = await runs.IssuedAsync(year, cancellationToken).ConfigureAwait(false);
        await SendWaveAsync(year, groups.Where(g => !issued.Contains(g.Key)).ToList(), more, cancellationToken, groups.Count > 0 ? groups[^1].Key : null)
            .ConfigureAwait(false);
    }

    private async Task SendWaveAsync(
        int year,
        IReadOnlyList<(ReceiptDonorKey Key, IReadOnlyList<string> Donations)> groups,
        bool more,
        CancellationToken cancellationToken,
        ReceiptDonorKey? lastRead = null)
    {
        var messages = groups
            .Select(g => new AnnualReceiptMessage(year, g.Key.Value) { DonationIds = Listed(g.Donations) })
            .ToList();
        if (more && (lastRead ?? (groups.Count > 0 ? groups[^1].Key : null)) is { } last)
        {
            // Last, so the next wave's check finds this one on the queue.
            messages.Add(Continuation(year, last));
        }

        await queue.EnqueueAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(List<(ReceiptDonorKey Key, IReadOnlyList<string> Donations)> Groups, bool More)> GroupsAfterAsync(
        int year, ReceiptDonorKey afterDonorKey, CancellationToken cancellationToken)
    {
        var groups = new List<(ReceiptDonorKey Key, IReadOnlyList<string> Donations)>();
        await foreach (var payment in index.ListAfterAsync(year, afterDonorKey, cancellationToken).ConfigureAwait(false))
        {
            if (payment.LeftOut is not null)
            {
                continue;
            }

            if (groups.Count == 0 || groups[^1].Key != payment.DonorKey)
            {
                if (groups.Count == Wave)
                {
                    return (groups, true); // A group after this wave exists: stop reading here.
                }

                groups.Add((payment.DonorKey, new List<string>()));
            }

            var donations = (List<string>)groups[^1].Donations;
            if (!donations.Contains(payment.DonationId, StringComparer.Ordinal))
            {
                donations.Add(payment.DonationId);
            }
        }

        return (groups, false);
    }

    private static AnnualReceiptMessage Continuation(int year, ReceiptDonorKey after) => new(year) { After = after.Value };

    private static IReadOnlyList<string>? Listed(IReadOnlyList<string> donationIds) =>
        donationIds.Count is > 0 and <= AnnualReceiptMessage.MaxListedDonations ? donationIds : null;
}
