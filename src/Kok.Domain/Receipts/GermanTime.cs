namespace Kok.Domain.Receipts;

/// <summary>
/// Calendar dates as they count in Germany (Europe/Berlin): a payment at 23:30 UTC on 31 December arrived on
/// 1 January there, which decides the "Tag der Zuwendung" and the receipt year.
/// </summary>
public static class GermanTime
{
    // Without tz data (a bare container) UTC is used: at most two hours off, never a crash of the receipt mailer.
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The wall-clock time in Berlin at <paramref name="instant"/>, for texts that name a time of day.</summary>
    public static DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }
}
