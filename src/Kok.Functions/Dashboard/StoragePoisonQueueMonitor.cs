using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Reads <c>ApproximateMessagesCount</c> of each work queue's <c>-poison</c> queue (where the Functions host parks a
/// message after maxDequeueCount failures): one request per queue, whatever their length. A poison queue that does
/// not exist yet has 0 messages.
/// </summary>
public sealed class StoragePoisonQueueMonitor(StorageClients storage) : IPoisonQueueMonitor
{
    public static IReadOnlyList<string> WorkQueues { get; } =
    [
        IReceiptMailQueue.QueueName,
        IMemberMailQueue.WelcomeQueueName,
        IMemberMailQueue.MemberMailQueueName,
        IDuesChargeQueue.QueueName,
        IAnnualReceiptQueue.QueueName,
    ];

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var queue in WorkQueues)
        {
            var poison = storage.Queue(queue + "-poison");
            try
            {
                var properties = await poison.GetPropertiesAsync(cancellationToken);
                counts[queue] = properties.Value.ApproximateMessagesCount;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                counts[queue] = 0;
            }
        }

        return counts;
    }
}
