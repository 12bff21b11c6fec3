using Kok.Domain.Common;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// The daily retention run (storage limitation, Art. 5 Abs. 1 lit. e DSGVO): deletes each receipt with its PDFs the
/// day after its retention ends (<see cref="RetentionPeriods.ReceiptMayGo"/>), not a day before; and scrubs the
/// personal data of donations and sign-ups never paid once they are <see cref="RetentionPeriods.AbandonedDays"/> old
/// (<see cref="AbandonedRecords"/>), with the same erasers as an erasure on request. Paid records are never touched.
/// <see cref="CountOverdueAsync"/> counts what a run would do now: right after a run it is 0, and the dashboard shows
/// it so that a run that stopped working is seen.
/// </summary>
public sealed class RunPrivacyRetention(
    IRetentionStore store,
    IEnumerable<ISupporterEraser> erasers,
    RetentionPeriods periods,
    TimeProvider time)
{
    public const string ErasedBy = "retention";

    private readonly IReadOnlyList<ISupporterEraser> erasers = erasers.OrderBy(e => e.Order).ToList();

    public async Task<RetentionReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (receipts, records) = await DueAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var receipt in receipts)
        {
            await store.DeleteReceiptAsync(receipt.Number, cancellationToken).ConfigureAwait(false);
        }

        // One subject per record: an abandoned record says nothing about the address's other, perhaps paid, records.
        var subjects = records.Donations.Select(d => new ErasureSubject(string.Empty, [d], [], MembershipEndChoice.Now, ErasedBy, now))
            .Concat(records.Members.Select(m => new ErasureSubject(string.Empty, [], [m], MembershipEndChoice.Now, ErasedBy, now)));
        foreach (var subject in subjects)
        {
            foreach (var eraser in erasers)
            {
                await eraser.EraseAsync(subject, cancellationToken).ConfigureAwait(false);
            }
        }

        return new RetentionReport(receipts.Count, records.Donations.Count, records.Members.Count);
    }

    /// <summary>Receipts past their retention plus records abandoned and not yet scrubbed.</summary>
    public async Task<int> CountOverdueAsync(CancellationToken cancellationToken)
    {
        var (receipts, records) = await DueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return receipts.Count + records.Donations.Count + records.Members.Count;
    }

    private async Task<(IReadOnlyList<RegisteredReceipt> Receipts, SelfService.SupporterRecords Records)> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = AssociationCalendar.Date(now);
        var receipts = (await store.ReceiptsAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => periods.ReceiptMayGo(r.IssueDate, today))
            .ToList();
        var unpaid = await store.UnpaidCreatedBeforeAsync(periods.AbandonedBefore(now), cancellationToken).ConfigureAwait(false);
        var records = new SelfService.SupporterRecords(
            [.. unpaid.Donations.Where(d => AbandonedRecords.IsAbandoned(d, now, periods))],
            [.. unpaid.Members.Where(m => AbandonedRecords.IsAbandoned(m, now, periods))]);
        return (receipts, records);
    }
}
