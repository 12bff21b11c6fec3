using System.Diagnostics;

namespace Kok.Benchmarks;

/// <summary>A fixed number of operations shared by a fixed number of workers, each taking the next index until none are left.</summary>
internal static class Concurrently
{
    /// <summary>Runs <paramref name="operation"/> for indexes 0..count-1 on <paramref name="workers"/> workers; returns the wall time.</summary>
    public static async Task<TimeSpan> RunAsync(int count, int workers, Func<int, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await operation(index);
            }
        })));
        return Stopwatch.GetElapsedTime(start);
    }
}
