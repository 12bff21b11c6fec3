using Kok.Domain.Dues;
using Kok.Functions.Storage;

namespace Kok.Functions.Dues;

/// <summary>
/// Puts dues charge requests on <c>dues-charge</c> as <c>{"memberId":…,"periodStart":"yyyy-MM-dd"}</c>. Tests that
/// must not share the queue with a running charge function pass a queue of their own.
/// </summary>
public sealed class DuesChargeQueueClient(StorageQueueSender sender, string queueName = IDuesChargeQueue.QueueName) : IDuesChargeQueue
{
    public Task EnqueueAsync(DuesChargeMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sender.SendAsync(queueName, message, delay, cancellationToken);
    }
}
