namespace Kok.Domain.Receipts;

/// <summary>The annual runs' record and progress: when each year's run started, which donor groups have their receipt, what failed.</summary>
public interface IAnnualReceiptRuns
{
    Task RecordAsync(AnnualReceiptRun run, CancellationToken cancellationToken);

    Task<AnnualReceiptRun?> GetAsync(int year, CancellationToken cancellationToken);

    /// <summary>The donor keys that have a Sammelbestätigung for the payment year (current or withdrawn).</summary>
    Task<IReadOnlySet<ReceiptDonorKey>> IssuedAsync(int year, CancellationToken cancellationToken);

    /// <summary>Messages of the annual run that failed for good (parked in its poison queue), all years together.</summary>
    Task<int> FailedAsync(CancellationToken cancellationToken);
}
