using Kok.DevHost.Clock;
using Microsoft.Extensions.Time.Testing;

namespace Kok.DevHost.Tests;

public class DevClockTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Set_moves_the_time_the_app_sees_and_real_time_runs_on()
    {
        var real = new FakeTimeProvider(RealNow);
        var clock = new DevClock(real);

        clock.Set(new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));
        real.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(new DateTimeOffset(2027, 3, 1, 5, 3, 0, TimeSpan.Zero), clock.GetUtcNow());
        clock.Reset();
        Assert.Equal(real.GetUtcNow(), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_timer_waiting_for_a_later_time_fires_when_the_clock_jumps_past_it()
    {
        var clock = new DevClock();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromHours(20), Timeout.InfiniteTimeSpan);

        clock.Set(clock.GetUtcNow() + TimeSpan.FromDays(1));

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Delays_through_the_clock_end_on_a_jump()
    {
        var clock = new DevClock();

        var delay = Task.Delay(TimeSpan.FromDays(40), clock);
        clock.Set(clock.GetUtcNow() + TimeSpan.FromDays(41));

        await delay.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_timer_not_yet_due_after_a_jump_does_not_fire()
    {
        var clock = new DevClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromDays(2), Timeout.InfiniteTimeSpan);

        clock.Set(clock.GetUtcNow() + TimeSpan.FromDays(1));

        Assert.Equal(0, Volatile.Read(ref fired));
    }

    [Fact]
    public void Timers_that_are_gone_are_not_kept_track_of_for_ever()
    {
        var clock = new DevClock();
        MakeAndDropTimers(clock, 5_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        MakeAndDropTimers(clock, 10_000);

        // The first 5,000 are collected and then pruned as the list grows; at most the later ones are still tracked.
        Assert.InRange(clock.TrackedTimers, 0, 10_000);
    }

    private static void MakeAndDropTimers(DevClock clock, int count)
    {
        for (var i = 0; i < count; i++)
        {
            clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan).Dispose();
        }
    }
}
