namespace Kok.DevHost.Clock;

/// <summary>
/// DevHost's settable clock, for demos: real time shifted by an offset that <c>POST /dev/clock</c> sets, so a
/// person can jump to next year's dues date and watch the timers fire. Timers made through it are re-armed on every
/// jump, so a wait for "05:00 tomorrow" ends when the clock is set past it, not a real day later. The whole app reads
/// time through <see cref="TimeProvider"/>, so it sees the jump too. Tests bring their own fake clock instead.
/// </summary>
public sealed class DevClock(TimeProvider real) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<WeakReference<DevClockTimer>> _timers = [];
    private TimeSpan _offset;

    public DevClock()
        : this(System)
    {
    }

    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    /// <summary>Moves the clock to <paramref name="utcNow"/> (either way); it runs on from there in real time.</summary>
    public void Set(DateTimeOffset utcNow)
    {
        DevClockTimer[] timers;
        lock (_gate)
        {
            _offset = utcNow - real.GetUtcNow();
            _timers.RemoveAll(t => !t.TryGetTarget(out _));
            timers = _timers.Select(t => t.TryGetTarget(out var timer) ? timer : null).OfType<DevClockTimer>().ToArray();
        }

        foreach (var timer in timers)
        {
            timer.Rearm();
        }
    }

    /// <summary>Back to real time.</summary>
    public void Reset() => Set(real.GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new DevClockTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(new WeakReference<DevClockTimer>(timer));
        }

        timer.Change(dueTime, period);
        return timer;
    }
}
