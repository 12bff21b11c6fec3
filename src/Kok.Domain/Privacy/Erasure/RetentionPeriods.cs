namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// How long what tax law asks for is kept after an erasure (Art. 17 Abs. 3 lit. b DSGVO): receipt copies and the
/// booking vouchers they rest on <see cref="ReceiptYears"/> (8, § 147 Abs. 3 AO since 2025, § 50 Abs. 7 EStDV), the
/// books <see cref="BookYears"/> (10), each counted from the end of the calendar year of issue; and after how many
/// days a sign-up or donation that never got paid loses its personal data (<see cref="AbandonedDays"/>).
/// </summary>
public sealed record RetentionPeriods(int ReceiptYears = 8, int BookYears = 10, int AbandonedDays = 30)
{
    public static RetentionPeriods Default { get; } = new();

    /// <summary>The last day a receipt issued on <paramref name="issuedOn"/> must be kept: 31 December of issue year + years.</summary>
    public DateOnly ReceiptRetainedUntil(DateOnly issuedOn) => new(issuedOn.Year + ReceiptYears, 12, 31);

    /// <summary>The last day the books of <paramref name="bookedOn"/>'s year must be kept.</summary>
    public DateOnly BookRetainedUntil(DateOnly bookedOn) => new(bookedOn.Year + BookYears, 12, 31);

    /// <summary>True from the day after <see cref="ReceiptRetainedUntil"/>: not a day before may the copy go.</summary>
    public bool ReceiptMayGo(DateOnly issuedOn, DateOnly today) => today > ReceiptRetainedUntil(issuedOn);

    /// <summary>A record created before this moment and never paid is abandoned.</summary>
    public DateTimeOffset AbandonedBefore(DateTimeOffset now) => now.AddDays(-AbandonedDays);
}
