using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// Puts the annual run's messages on <c>annual-receipts</c> as <c>{"year":2025,"donorKey":"d…"}</c>, several sends
/// at a time (one round trip each: Storage Queues have no batch send), so a wave of 500 donor groups takes a second.
/// </summary>
public sealed class AnnualReceiptQueueClient(StorageClients storage, StorageQueueSender sender, string queueName = IAnnualReceiptQueue.QueueName) : IAnnualReceiptQueue
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

    /// <summary>Sends one message invisible for <paramref name="delay"/>: a wave waiting its turn, or a message waiting while receipts are blocked.</summary>
    public Task EnqueueLaterAsync(AnnualReceiptMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        sender.SendAsync(queueName, message, delay, cancellationToken);

    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(queueName);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }
}
