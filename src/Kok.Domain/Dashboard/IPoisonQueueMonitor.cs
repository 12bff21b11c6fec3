namespace Kok.Domain.Dashboard;

/// <summary>How many messages sit in each poison queue (messages that failed too often and were parked).</summary>
public interface IPoisonQueueMonitor
{
    /// <summary>Work queue name (e.g. <c>receipt-mail</c>) → approximate count of its parked messages; one request per queue.</summary>
    Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken);
}
