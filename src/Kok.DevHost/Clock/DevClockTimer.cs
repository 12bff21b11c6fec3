namespace Kok.DevHost.Clock;

/// <summary>
/// A timer of <see cref="DevClock"/>: remembers its due instant in clock time and waits for the real time left until
/// then, recomputed whenever the clock jumps.
/// </summary>
internal sealed class DevClockTimer : ITimer
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    private readonly object _gate = new();
    private readonly DevClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly Timer _inner;
    private DateTimeOffset? _due;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    public DevClockTimer(DevClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _inner = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
            _period = period;
            Arm();
        }

        return true;
    }

    public void Rearm()
    {
        lock (_gate)
        {
            Arm();
        }
    }

    public void Dispose() => _inner.Dispose();

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private void Arm()
    {
        if (_due is not { } due)
        {
            _inner.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }

        // System timers wait at most ~49 days; a longer wait wakes early and re-arms (see Fire).
        var wait = due - _clock.GetUtcNow();
        var bounded = wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
        _inner.Change(bounded, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        lock (_gate)
        {
            // A jump back in time may leave this callback early: wait on instead of firing.
            if (_due is not { } due || due > _clock.GetUtcNow())
            {
                Arm();
                return;
            }

            _due = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? due + _period : null;
            Arm();
        }

        _callback(_state);
    }
}
