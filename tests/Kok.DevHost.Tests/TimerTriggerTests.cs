using Kok.DevHost.Functions;
using Kok.DevHost.Tests.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.DevHost.Tests;

public class TimerTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 2, 30, TimeSpan.Zero);

    private static DateTime Utc(int hour, int minute) => new(2026, 3, 2, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>DevHost with only the sample timer, on <paramref name="schedule"/> and <paramref name="clock"/>.</summary>
    private static Task<TestDevHost> StartSampleTimerAsync(string schedule, TimeProvider clock, SampleInvocations invocations) =>
        TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Samples:Schedule"] = schedule,
                ["AzureFunctionsJobHost:functions:0"] = "SampleTimer",
            },
            services => services.AddSingleton(clock).AddSingleton(invocations));

    [Fact]
    public async Task Advancing_a_fake_clock_fires_the_timer_at_its_occurrences()
    {
        var clock = new FakeTimeProvider(Start);
        var invocations = new SampleInvocations();
        await using var host = await StartSampleTimerAsync("0 */5 * * * *", clock, invocations);
        var monitor = host.Services.GetRequiredService<TimerScheduleMonitor>();

        Assert.Equal(Utc(10, 5), monitor.GetStatus("SampleTimer")!.Next);
        Assert.Empty(invocations.Of("SampleTimer"));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(invocations.Of("SampleTimer"));
        clock.Advance(TimeSpan.FromSeconds(30));
        await TestDevHost.WaitUntilAsync(() => monitor.CompletedScheduledRuns("SampleTimer") == 1, "the 10:05 run completed");

        var first = Assert.IsType<TimerInfo>(Assert.Single(invocations.Of("SampleTimer")));
        Assert.Equal(Utc(10, 5), first.ScheduleStatus!.Next);
        Assert.Equal(default, first.ScheduleStatus.Last);
        Assert.False(first.IsPastDue);
        Assert.Equal(Utc(10, 10), monitor.GetStatus("SampleTimer")!.Next);
        Assert.Equal(Utc(10, 5), monitor.GetStatus("SampleTimer")!.Last);

        // An hour later than planned: one run for the missed occurrences, flagged past due, then back on schedule.
        clock.Advance(TimeSpan.FromHours(1));
        await TestDevHost.WaitUntilAsync(() => monitor.CompletedScheduledRuns("SampleTimer") == 2, "the late run completed");

        var late = Assert.IsType<TimerInfo>(invocations.Of("SampleTimer")[1]);
        Assert.True(late.IsPastDue);
        Assert.Equal(Utc(10, 10), late.ScheduleStatus!.Next);
        Assert.Equal(Utc(10, 5), late.ScheduleStatus.Last);
        Assert.Equal(Utc(11, 10), monitor.GetStatus("SampleTimer")!.Next);
        Assert.Equal(2, invocations.Of("SampleTimer").Count);
    }

    [Fact]
    public async Task TimeSpan_schedules_and_RunOnStartup()
    {
        var clock = new FakeTimeProvider(Start);
        var invocations = new SampleInvocations();
        await using var host = await TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Samples:StartupSchedule"] = "00:10:00",
                ["AzureFunctionsJobHost:functions:0"] = "SampleStartupTimer",
            },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton(invocations));
        var monitor = host.Services.GetRequiredService<TimerScheduleMonitor>();

        await TestDevHost.WaitUntilAsync(() => invocations.Of("SampleStartupTimer").Count == 1, "the startup run happened");
        await TestDevHost.WaitUntilAsync(() => monitor.GetStatus("SampleStartupTimer")!.LastUpdated == Start.UtcDateTime &&
                                               monitor.GetStatus("SampleStartupTimer")!.Last == Start.UtcDateTime,
            "the startup run was recorded");
        Assert.False(Assert.IsType<TimerInfo>(invocations.Of("SampleStartupTimer")[0]).IsPastDue);

        clock.Advance(TimeSpan.FromMinutes(10));
        await TestDevHost.WaitUntilAsync(() => monitor.CompletedScheduledRuns("SampleStartupTimer") == 1, "the interval run completed");

        Assert.Equal(2, invocations.Of("SampleStartupTimer").Count);
        Assert.Equal(Start.UtcDateTime.AddMinutes(20), monitor.GetStatus("SampleStartupTimer")!.Next);
    }

    [Fact]
    public async Task A_disabled_timer_is_not_scheduled()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Samples:Schedule"] = "0 */5 * * * *",
                ["AzureFunctionsJobHost:functions:0"] = "SampleTimer",
                ["AzureWebJobs.SampleTimer.Disabled"] = "1",
            },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton(new SampleInvocations()));

        Assert.Null(host.Services.GetRequiredService<TimerScheduleMonitor>().GetStatus("SampleTimer"));
    }

    /// <summary>
    /// The dev clock runs on in real time, so it never reads the same twice. The wait for the next occurrence must
    /// still be set up once and then waited for: taking the clock's running on for a jump set the wait up again at
    /// once, forever, and kept a core busy in every host with a timer.
    /// </summary>
    [Fact]
    public async Task On_a_clock_that_runs_in_real_time_the_wait_for_an_occurrence_is_set_up_once()
    {
        var clock = new TimerCountingClock(new Clock.DevClock());
        clock.Inner.Set(Start);
        var invocations = new SampleInvocations();
        await using var host = await StartSampleTimerAsync("0 0 12 * * *", clock, invocations);
        var monitor = host.Services.GetRequiredService<TimerScheduleMonitor>();
        await TestDevHost.WaitUntilAsync(() => clock.LongTimers > 0, "the wait for 12:00 was set up");

        var waitsBeforeNoon = clock.LongTimers;
        clock.Inner.Set(Start.AddHours(2));
        await TestDevHost.WaitUntilAsync(() => monitor.CompletedScheduledRuns("SampleTimer") == 1, "the 12:00 run completed");

        Assert.Equal(1, waitsBeforeNoon);
        Assert.Single(invocations.Of("SampleTimer"));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(3, 3, false)]
    [InlineData(40, 1, false)]
    [InlineData(60_000, 1, true)]
    [InlineData(-60_000, 1, true)]
    public void A_clock_that_moved_about_as_much_as_real_time_did_was_not_set(int movedMs, int realMs, bool jumped) =>
        Assert.Equal(jumped, TimerTriggerHost.Jumped(TimeSpan.FromMilliseconds(movedMs), TimeSpan.FromMilliseconds(realMs)));

    /// <summary>The dev clock, counting the timers made for waits of more than an hour (the timer host's).</summary>
    private sealed class TimerCountingClock(Clock.DevClock inner) : TimeProvider
    {
        private int longTimers;

        public Clock.DevClock Inner => inner;

        public int LongTimers => Volatile.Read(ref longTimers);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime > TimeSpan.FromHours(1))
            {
                Interlocked.Increment(ref longTimers);
            }

            return inner.CreateTimer(callback, state, dueTime, period);
        }
    }
}
