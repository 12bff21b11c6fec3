using Kok.Domain.Dues;
using Kok.Functions.Storage;

namespace Kok.Functions.Dues;

/// <summary>Puts dues charge requests on <c>dues-charge</c> as <c>{"memberId":…,"periodStart":"yyyy-MM-dd"}</c>.</summary>
public sealed class DuesChargeQueueClient(StorageQueueSender sender) : IDuesChargeQueue
{
    public Task EnqueueAsync(DuesChargeMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sender.SendAsync(IDuesChargeQueue.QueueName, message, delay, cancellationToken);
    }
}
