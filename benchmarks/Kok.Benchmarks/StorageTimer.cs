using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kok.Benchmarks;

/// <summary>Times each storage round trip (per attempt), so a report can say how much of an operation is storage.</summary>
internal sealed class StorageTimer : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Kind, TimeSpan Elapsed)> _timings = new();

    public IReadOnlyList<(string Kind, TimeSpan Elapsed)> Timings => _timings.ToArray();

    public void Reset() => _timings.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            _timings.Enqueue((BenchmarkReport.Kind(message.Request.Method.ToString(), message.Request.Uri.ToUri().AbsolutePath), Stopwatch.GetElapsedTime(start)));
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            _timings.Enqueue((BenchmarkReport.Kind(message.Request.Method.ToString(), message.Request.Uri.ToUri().AbsolutePath), Stopwatch.GetElapsedTime(start)));
        }
    }
}
