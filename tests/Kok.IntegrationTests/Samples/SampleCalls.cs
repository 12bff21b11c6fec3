using System.Collections.Concurrent;

namespace Kok.IntegrationTests.Samples;

/// <summary>What the sample functions were called with; a test registers its own instance as a singleton.</summary>
public sealed class SampleCalls
{
    private readonly ConcurrentQueue<(string Function, object? Value)> _calls = new();

    /// <summary>Records a call and returns how many calls of this function with an equal value there were so far.</summary>
    public int Record(string function, object? value)
    {
        _calls.Enqueue((function, value));
        return _calls.Count(c => c.Function == function && Equals(c.Value, value));
    }

    public IReadOnlyList<object?> Of(string function) => _calls.Where(c => c.Function == function).Select(c => c.Value).ToArray();
}
