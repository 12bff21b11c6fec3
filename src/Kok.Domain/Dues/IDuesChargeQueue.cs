using System.Diagnostics.CodeAnalysis;

namespace Kok.Domain.Dues;

/// <summary>The <c>dues-charge</c> queue between the daily dues run and the charging function.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the dues-charge storage queue.")]
public interface IDuesChargeQueue
{
    public const string QueueName = "dues-charge";

    /// <summary>
    /// Puts <paramref name="message"/> on the queue, invisible for <paramref name="delay"/> when given (to honour a
    /// provider's Retry-After without holding a worker).
    /// </summary>
    Task EnqueueAsync(DuesChargeMessage message, TimeSpan? delay, CancellationToken cancellationToken);
}
