using System.Collections.Concurrent;

namespace Kok.DevHost.Tests.Samples;

/// <summary>What the sample functions were called with; registered as a singleton by the tests that need it.</summary>
public sealed class SampleInvocations
{
    private readonly ConcurrentQueue<(string Function, object? Value)> _calls = new();

    public void Record(string function, object? value) => _calls.Enqueue((function, value));

    public IReadOnlyList<object?> Of(string function) => _calls.Where(c => c.Function == function).Select(c => c.Value).ToArray();
}
