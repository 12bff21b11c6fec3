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
    private const int MinPruneAt = 256;
    private TimeSpan _offset;
    private int _pruneAt = MinPruneAt;

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

    /// <summary>How many timers the clock still holds a reference to (live or not yet pruned).</summary>
    internal int TrackedTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Back to real time.</summary>
    public void Reset() => Set(real.GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new DevClockTimer(this, callback, state);
        lock (_gate)
        {
            // Every Task.Delay on this clock makes a timer; the dead ones' references are dropped whenever the list
            // has doubled, so a long-running host does not keep one entry per wait it ever made.
            if (_timers.Count >= _pruneAt)
            {
                _timers.RemoveAll(t => !t.TryGetTarget(out _));
                _pruneAt = Math.Max(MinPruneAt, _timers.Count * 2);
            }

            _timers.Add(new WeakReference<DevClockTimer>(timer));
        }

        timer.Change(dueTime, period);
        return timer;
    }
}
