using System.Diagnostics.CodeAnalysis;

namespace Kok.Domain.Receipts;

/// <summary>The fan-out queue of the annual run: one message per donor group.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the annual-receipts storage queue.")]
public interface IAnnualReceiptQueue
{
    public const string QueueName = "annual-receipts";

    Task EnqueueAsync(IReadOnlyList<AnnualReceiptMessage> messages, CancellationToken cancellationToken);
}
