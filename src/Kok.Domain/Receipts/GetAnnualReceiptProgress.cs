namespace Kok.Domain.Receipts;

/// <summary>The progress of a year's annual run for the staff page: reads the run record, the register's donor rows of the year and the poison queue's length.</summary>
public sealed class GetAnnualReceiptProgress(IAnnualReceiptRuns runs, OrganisationProfile organisation, TimeProvider time)
{
    public async Task<AnnualReceiptProgress> ExecuteAsync(int year, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(year, cancellationToken).ConfigureAwait(false);
        var done = (await runs.IssuedAsync(year, cancellationToken).ConfigureAwait(false)).Count;
        var failed = await runs.FailedAsync(cancellationToken).ConfigureAwait(false);
        var toDo = Math.Max((run?.Donors ?? 0) - done, 0);
        return new AnnualReceiptProgress(year, run, done, toDo, failed, organisation.ReceiptBlockerOn(GermanTime.Today(time)));
    }
}
