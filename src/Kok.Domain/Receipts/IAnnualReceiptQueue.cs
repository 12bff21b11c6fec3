using System.Diagnostics.CodeAnalysis;

namespace Kok.Domain.Receipts;

/// <summary>The fan-out queue of the annual run: one message per donor group, sent in waves.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the annual-receipts storage queue.")]
public interface IAnnualReceiptQueue
{
    public const string QueueName = "annual-receipts";

    Task EnqueueAsync(IReadOnlyList<AnnualReceiptMessage> messages, CancellationToken cancellationToken);

    /// <summary>Sends one message that becomes visible after <paramref name="delay"/>.</summary>
    Task EnqueueLaterAsync(AnnualReceiptMessage message, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>About how many messages wait on the queue (the storage's approximate count).</summary>
    Task<int> PendingAsync(CancellationToken cancellationToken);
}
