using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>
/// The schedule status of each timer function, kept in memory (the Functions host keeps it in blob storage).
/// Tests read it to know when a timer is armed: <see cref="ScheduleStatus.Next"/> is the occurrence it waits for.
/// </summary>
public sealed class TimerScheduleMonitor
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _scheduledRuns = new(StringComparer.OrdinalIgnoreCase);

    public ScheduleStatus? GetStatus(string functionName) =>
        _statuses.TryGetValue(functionName, out var status) ? Copy(status) : null;

    /// <summary>How many scheduled (not startup or admin) invocations of the function have completed.</summary>
    public int CompletedScheduledRuns(string functionName) => _scheduledRuns.GetValueOrDefault(functionName);

    internal void Update(string functionName, ScheduleStatus status) => _statuses[functionName] = Copy(status);

    internal void RecordScheduledRun(string functionName) => _scheduledRuns.AddOrUpdate(functionName, 1, (_, n) => n + 1);

    // ScheduleStatus is mutable; callers get their own copy.
    private static ScheduleStatus Copy(ScheduleStatus status) =>
        new() { Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated };
}
