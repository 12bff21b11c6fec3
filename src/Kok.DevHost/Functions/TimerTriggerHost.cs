using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>
/// Runs timer functions on their schedules. Time is read and waited for through the DI <see cref="TimeProvider"/>,
/// so a fake clock drives them: advancing it past <see cref="ScheduleStatus.Next"/> fires the function. Schedules
/// are anchored when the host starts. As in the Functions host, a run that outlasts later occurrences skips them,
/// and <see cref="TimerInfo.ScheduleStatus"/> is the status before the run (Next = the occurrence being run).
/// <see cref="TimerInfo.IsPastDue"/> is set when the clock had already passed the following occurrence too.
/// </summary>
internal sealed class TimerTriggerHost(
    FunctionCatalog catalog,
    IConfiguration configuration,
    TimeProvider clock,
    FunctionInvoker invoker,
    TimerScheduleMonitor monitor,
    ILogger<TimerTriggerHost> logger) : IHostedService, IDisposable
{
    public const string TimeZoneSetting = "WEBSITE_TIME_ZONE";

    // Task.Delay cannot wait longer than ~49 days; long waits are taken in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _runs = [];
    private readonly Dictionary<string, TimerSchedule> _schedules = new(StringComparer.OrdinalIgnoreCase);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resolver = new AppSettingResolver(configuration);
        var zone = ResolveTimeZone(configuration[TimeZoneSetting]);
        foreach (var function in catalog.Functions.Where(f => f.Trigger == FunctionTriggerKind.Timer))
        {
            var attribute = function.TimerTrigger!;
            if (catalog.IsDisabled(function))
            {
                // Not scheduled; admin runs still get its schedule status when the schedule can be read.
                try
                {
                    _schedules[function.Name] = TimerSchedule.Parse(resolver.Resolve(attribute.Schedule, function.Name), zone);
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    logger.LogDebug("Disabled timer 'Functions.{Function}' has no readable schedule.", function.Name);
                }

                continue;
            }

            var schedule = TimerSchedule.Parse(resolver.Resolve(attribute.Schedule, $"the schedule of function '{function.Name}'"), zone);
            _schedules[function.Name] = schedule;

            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now);
            monitor.Update(function.Name, new ScheduleStatus { Last = default, Next = next.UtcDateTime, LastUpdated = now.UtcDateTime });
            logger.LogDebug("Timer of 'Functions.{Function}' ({Schedule}) first fires at {Next:O}.", function.Name, schedule, next);
            _runs.Add(Task.Run(() => RunAsync(function, schedule, attribute.RunOnStartup, _stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_runs).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Host shutdown timed out: leave running invocations behind.
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>The TimerInfo an admin-endpoint run gets: the current status, not past due.</summary>
    public TimerInfo CreateManualTimerInfo(FunctionDescriptor function)
    {
        var status = monitor.GetStatus(function.Name);
        if (status is null && _schedules.TryGetValue(function.Name, out var schedule))
        {
            var now = clock.GetUtcNow();
            status = new ScheduleStatus { Next = schedule.GetNextOccurrence(now).UtcDateTime, LastUpdated = now.UtcDateTime };
        }

        return new TimerInfo { ScheduleStatus = status, IsPastDue = false };
    }

    private async Task RunAsync(FunctionDescriptor function, TimerSchedule schedule, bool runOnStartup, CancellationToken stopping)
    {
        try
        {
            if (runOnStartup)
            {
                await InvokeAsync(function, monitor.GetStatus(function.Name)!, isPastDue: false, "Timer fired on startup (RunOnStartup)", stopping);
                var now = clock.GetUtcNow();
                monitor.Update(function.Name, new ScheduleStatus
                {
                    Last = now.UtcDateTime,
                    Next = schedule.GetNextOccurrence(now).UtcDateTime,
                    LastUpdated = now.UtcDateTime,
                });
            }

            while (!stopping.IsCancellationRequested)
            {
                var status = monitor.GetStatus(function.Name)!;
                var occurrence = new DateTimeOffset(DateTime.SpecifyKind(status.Next, DateTimeKind.Utc));
                await WaitUntilAsync(occurrence, stopping);

                var firedAt = clock.GetUtcNow();
                var isPastDue = firedAt >= schedule.GetNextOccurrence(occurrence);
                await InvokeAsync(function, status, isPastDue, $"Timer fired at {firedAt:O}", stopping);

                var after = clock.GetUtcNow();
                monitor.Update(function.Name, new ScheduleStatus
                {
                    Last = occurrence.UtcDateTime,
                    Next = schedule.GetNextOccurrence(after).UtcDateTime,
                    LastUpdated = after.UtcDateTime,
                });
                monitor.RecordScheduledRun(function.Name);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task InvokeAsync(FunctionDescriptor function, ScheduleStatus status, bool isPastDue, string reason, CancellationToken stopping)
    {
        var timerInfo = new TimerInfo { ScheduleStatus = status, IsPastDue = isPastDue };
        try
        {
            await invoker.InvokeInNewScopeAsync(function, TriggerInput.ForTimer(timerInfo, reason), new Dictionary<string, object?>(), string.Empty, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // Logged by the invoker; a failing run must not stop the schedule.
        }
    }

    /// <summary>
    /// Waits until the clock reaches <paramref name="due"/>. The delay timer is created on the clock itself; if the
    /// clock jumped while the timer was being set up, the wait is recomputed, so an advance of a fake clock is never lost.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            var read = Stopwatch.GetTimestamp();
            if (now >= due)
            {
                return;
            }

            var wait = due - now < LongestWait ? due - now : LongestWait;
            using var armed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var delay = Task.Delay(wait, clock, armed.Token);
            if (Jumped(clock.GetUtcNow() - now, Stopwatch.GetElapsedTime(read)))
            {
                await armed.CancelAsync();
                await delay.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                continue;
            }

            await delay;
        }
    }

    /// <summary>
    /// Whether a clock that moved by <paramref name="moved"/> while <paramref name="realElapsed"/> passed was set
    /// (a fake clock advanced, the dev clock set) rather than running on. A clock that runs in real time (the dev
    /// clock) always reads a little later the second time: taking that for a jump recomputed the wait at once,
    /// forever, and kept a core busy in every host with a timer function.
    /// </summary>
    internal static bool Jumped(TimeSpan moved, TimeSpan realElapsed) => (moved - realElapsed).Duration() > JumpTolerance;

    // Far above the time between two reads of the clock, far below any advance a test or a person makes.
    private static readonly TimeSpan JumpTolerance = TimeSpan.FromMilliseconds(50);

    private static TimeZoneInfo ResolveTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException($"{TimeZoneSetting} '{id}' is not a known time zone.", ex);
        }
    }
}
