using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kok.Functions.Storage;

/// <summary>
/// Counts storage round trips (each HTTP request sent, retries included) so tests can assert exact transaction
/// counts per operation. Register it as an <see cref="HttpPipelinePolicy"/> in DI before <c>AddKokBackend</c>'s
/// clients are created, or attach it to any Azure SDK client's options.
/// </summary>
public sealed class StorageTransactionCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<StorageTransaction> _transactions = new();

    public int Count => _transactions.Count;

    public IReadOnlyList<StorageTransaction> Transactions => _transactions.ToArray();

    public void Reset() => _transactions.Clear();

    /// <summary>Counts what happens inside <paramref name="action"/> alone.</summary>
    public async Task<IReadOnlyList<StorageTransaction>> MeasureAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = _transactions.Count;
        await action();
        return _transactions.Skip(before).ToArray();
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();
        _transactions.Enqueue(new StorageTransaction(message.Request.Method.ToString(), uri.AbsolutePath) { Retry = message.ProcessingContext.RetryNumber });
    }
}
