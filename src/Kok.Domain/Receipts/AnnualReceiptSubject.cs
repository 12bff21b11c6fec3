namespace Kok.Domain.Receipts;

/// <summary>
/// Which Sammelbestätigung: for which donor (as the annual run groups payments) and which period. The register keeps
/// one per donor key and calendar year of the period, so a retried issue returns the same receipt.
/// </summary>
public sealed record AnnualReceiptSubject(ReceiptDonorKey DonorKey, ReceiptPeriod Period)
{
    public ReceiptDonorKey DonorKey { get; } = DonorKey ?? throw new ArgumentNullException(nameof(DonorKey));

    /// <summary>The year whose payments it confirms (not the year of issue, which numbers it).</summary>
    public int Year => Period.Year;

    /// <summary>The whole calendar year, as the January run issues it.</summary>
    public static AnnualReceiptSubject CalendarYear(ReceiptDonorKey donorKey, int year) => new(donorKey, ReceiptPeriod.CalendarYear(year));
}
