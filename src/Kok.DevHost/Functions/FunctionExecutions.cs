using System.Collections.Concurrent;

namespace Kok.DevHost.Functions;

/// <summary>
/// How many invocations of each function succeeded and failed since DevHost started, as the Functions host's
/// "Executed … (Succeeded|Failed …)" log lines would add up, and which function the current asynchronous flow runs
/// (<see cref="Current"/>), so benchmarks and tests can count failed executions and attribute storage round trips to
/// the function that made them.
/// </summary>
public sealed class FunctionExecutions
{
    private static readonly AsyncLocal<string?> CurrentFunction = new();
    private readonly ConcurrentDictionary<string, Counts> _counts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The function whose invocation the calling code runs in, or null outside any invocation.</summary>
    public static string? Current => CurrentFunction.Value;

    public int Succeeded(string function) => _counts.TryGetValue(function, out var counts) ? counts.Succeeded : 0;

    public int Failed(string function) => _counts.TryGetValue(function, out var counts) ? counts.Failed : 0;

    /// <summary>Failed invocations of every function.</summary>
    public int TotalFailed => _counts.Values.Sum(c => c.Failed);

    internal static IDisposable Enter(string function)
    {
        var outer = CurrentFunction.Value;
        CurrentFunction.Value = function;
        return new Exit(outer);
    }

    internal void Record(string function, bool succeeded)
    {
        var counts = _counts.GetOrAdd(function, _ => new Counts());
        if (succeeded)
        {
            Interlocked.Increment(ref counts.SucceededCount);
        }
        else
        {
            Interlocked.Increment(ref counts.FailedCount);
        }
    }

    private sealed class Counts
    {
        // Fields, so Interlocked can increment them.
        public int SucceededCount;
        public int FailedCount;

        public int Succeeded => Volatile.Read(ref SucceededCount);

        public int Failed => Volatile.Read(ref FailedCount);
    }

    private sealed class Exit(string? outer) : IDisposable
    {
        public void Dispose() => CurrentFunction.Value = outer;
    }
}
