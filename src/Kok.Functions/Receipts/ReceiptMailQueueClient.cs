using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

public sealed class ReceiptMailQueueClient(StorageQueueSender sender) : IReceiptMailQueue
{
    public Task EnqueueAsync(ReceiptMailRequest request, CancellationToken cancellationToken) =>
        sender.SendFollowUpAsync(IReceiptMailQueue.QueueName, request, cancellationToken);
}
