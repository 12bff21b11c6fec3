namespace Kok.Benchmarks.Dues;

/// <summary>A clock standing still at the benchmark's "today".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
