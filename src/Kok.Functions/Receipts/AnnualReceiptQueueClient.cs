using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// Puts the annual run's messages on <c>annual-receipts</c> as <c>{"year":2025,"donorKey":"d…"}</c>, several sends
/// at a time (one round trip each: Storage Queues have no batch send), so 10,000 donor groups take seconds.
/// </summary>
public sealed class AnnualReceiptQueueClient(StorageQueueSender sender, string queueName = IAnnualReceiptQueue.QueueName) : IAnnualReceiptQueue
{
    private const int Parallel = 16;

    public Task EnqueueAsync(IReadOnlyList<AnnualReceiptMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return System.Threading.Tasks.Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (message, ct) => await sender.SendAsync(queueName, message, ct));
    }

    /// <summary>Sends one message back, invisible for <paramref name="delay"/>: while receipts are blocked it waits rather than fails.</summary>
    public Task DelayAsync(AnnualReceiptMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        sender.SendAsync(queueName, message, delay, cancellationToken);
}
