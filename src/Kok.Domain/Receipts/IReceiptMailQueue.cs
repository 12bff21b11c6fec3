using System.Diagnostics.CodeAnalysis;

namespace Kok.Domain.Receipts;

/// <summary>The queue the receipt mailer listens on.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the receipt-mail storage queue.")]
public interface IReceiptMailQueue
{
    public const string QueueName = "receipt-mail";

    Task EnqueueAsync(ReceiptMailRequest request, CancellationToken cancellationToken);
}
