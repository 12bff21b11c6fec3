using Kok.DevHost.Functions;

namespace Kok.DevHost.Tests;

public class TimerScheduleTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-03-02T10:02:30Z", "2026-03-02T10:05:00Z")]
    [InlineData("0 */5 * * * *", "2026-03-02T10:05:00Z", "2026-03-02T10:10:00Z")]
    [InlineData("*/10 * * * * *", "2026-03-02T10:00:01Z", "2026-03-02T10:00:10Z")]
    [InlineData("0 30 2 1 * *", "2026-03-02T10:00:00Z", "2026-04-01T02:30:00Z")]
    [InlineData("30 9 * * 1", "2026-03-01T12:00:00Z", "2026-03-02T09:30:00Z")]
    [InlineData("0 0 * * *", "2026-03-02T10:00:00Z", "2026-03-03T00:00:00Z")]
    public void Cron_expressions_with_and_without_seconds(string expression, string after, string expected)
    {
        var schedule = TimerSchedule.Parse(expression);

        Assert.Null(schedule.Interval);
        Assert.Equal(At(expected), schedule.GetNextOccurrence(At(after)));
    }

    [Theory]
    [InlineData("00:15:00", 15 * 60)]
    [InlineData("1.00:00:00", 24 * 60 * 60)]
    [InlineData("00:00:05", 5)]
    public void TimeSpan_schedules_run_at_a_constant_interval(string expression, int seconds)
    {
        var schedule = TimerSchedule.Parse(expression);
        var now = At("2026-03-02T10:02:30Z");

        Assert.Equal(TimeSpan.FromSeconds(seconds), schedule.Interval);
        Assert.Equal(now.AddSeconds(seconds), schedule.GetNextOccurrence(now));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("0 * * *")]
    [InlineData("61 * * * * *")]
    [InlineData("00:00:00")]
    [InlineData("")]
    public void Invalid_schedules_are_refused(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains($"'{expression}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cron_runs_in_the_configured_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = TimerSchedule.Parse("0 0 9 * * *", berlin);

        Assert.Equal(At("2026-07-01T07:00:00Z"), schedule.GetNextOccurrence(At("2026-07-01T00:00:00Z")));
        Assert.Equal(At("2026-01-15T08:00:00Z"), schedule.GetNextOccurrence(At("2026-01-15T00:00:00Z")));
    }
}
