using Kok.Domain.Dashboard;

namespace Kok.Domain.Receipts;

/// <summary>Staff start (or resume) a year's annual run from the dashboard; recorded in the audit trail with the year and the donor groups sent.</summary>
public sealed class StaffStartsAnnualReceiptRun(StartAnnualReceiptRun run, StaffActionRecorder audit)
{
    public const string AuditAction = "receipts.annual.start";

    /// <summary>Null when the year is not over yet (or before 2000): nothing was started.</summary>
    public async Task<AnnualReceiptRunStart?> ExecuteAsync(int year, string staffId, string staffName, CancellationToken cancellationToken)
    {
        if (!run.CanRun(year))
        {
            return null;
        }

        var started = await run.ExecuteAsync(year, staffName, cancellationToken).ConfigureAwait(false);
        var facts = AuditFacts.Format((AuditFacts.Year, year), (AuditFacts.Donors, started.Enqueued));
        await audit.RecordAsync(AuditAction, staffId, staffName, facts, cancellationToken).ConfigureAwait(false);
        return started;
    }
}
