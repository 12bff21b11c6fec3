using Kok.Domain.Dashboard;

namespace Kok.Domain.Receipts;

/// <summary>
/// Staff start (or resume) a year's annual run from the dashboard: one start message on the annual-receipts queue,
/// whose handler sends the donor groups' messages (thousands would not fit an HTTP request's time); recorded in the
/// audit trail with the year.
/// </summary>
public sealed class StaffStartsAnnualReceiptRun(StartAnnualReceiptRun run, IAnnualReceiptQueue queue, StaffActionRecorder audit)
{
    public const string AuditAction = "receipts.annual.start";

    /// <summary>False when the year is not over yet (or before 2000): nothing was started.</summary>
    public async Task<bool> ExecuteAsync(int year, string staffId, string staffName, CancellationToken cancellationToken)
    {
        if (!run.CanRun(year))
        {
            return false;
        }

        await queue.EnqueueAsync([new AnnualReceiptMessage(year)], cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(AuditAction, staffId, staffName, AuditFacts.Format((AuditFacts.Year, year)), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
