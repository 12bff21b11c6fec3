using System.Globalization;
using Cronos;

namespace Kok.DevHost.Functions;

/// <summary>
/// A timer trigger's schedule as the Functions host reads it: an NCRONTAB expression with seconds
/// (<c>0 */5 * * * *</c>), a classic 5-field cron expression, or a constant interval as a TimeSpan (<c>hh:mm:ss</c>).
/// Cron expressions are evaluated in <see cref="TimeZone"/> (the host's <c>WEBSITE_TIME_ZONE</c>, default UTC).
/// </summary>
public sealed class TimerSchedule
{
    private readonly CronExpression? _cron;

    private TimerSchedule(string expression, CronExpression? cron, TimeSpan? interval, TimeZoneInfo timeZone)
    {
        Expression = expression;
        _cron = cron;
        Interval = interval;
        TimeZone = timeZone;
    }

    public string Expression { get; }

    /// <summary>The constant interval of a TimeSpan schedule; null for cron schedules.</summary>
    public TimeSpan? Interval { get; }

    public TimeZoneInfo TimeZone { get; }

    public static TimerSchedule Parse(string expression, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var zone = timeZone ?? TimeZoneInfo.Utc;
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6)
        {
            try
            {
                var cron = CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
                return new TimerSchedule(trimmed, cron, null, zone);
            }
            catch (CronFormatException ex)
            {
                throw new FormatException($"Timer schedule '{expression}' is not a valid cron expression: {ex.Message}", ex);
            }
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval))
        {
            return interval > TimeSpan.Zero
                ? new TimerSchedule(trimmed, null, interval, zone)
                : throw new FormatException($"Timer schedule '{expression}' must be a positive interval.");
        }

        throw new FormatException(
            $"Timer schedule '{expression}' is neither an NCRONTAB expression (6 fields with seconds, or 5) nor a TimeSpan (hh:mm:ss).");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>; <see cref="DateTimeOffset.MaxValue"/> if none.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        if (Interval is { } interval)
        {
            return after + interval;
        }

        return _cron!.GetNextOccurrence(after, TimeZone) ?? DateTimeOffset.MaxValue;
    }

    public override string ToString() => Expression;
}
