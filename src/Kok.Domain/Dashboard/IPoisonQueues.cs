namespace Kok.Domain.Dashboard;

/// <summary>The app's work queues and their poison queues (<c>{queue}-poison</c>), for staff to send parked messages back.</summary>
public interface IPoisonQueues
{
    /// <summary>The work queues that have a poison queue (e.g. <c>receipt-mail</c>).</summary>
    IReadOnlyCollection<string> WorkQueues { get; }

    /// <summary>
    /// Moves every message of <c>{queue}-poison</c> back to <paramref name="queue"/> (send, then delete: a crash in
    /// between only repeats a message, which the idempotent consumers absorb); answers how many moved.
    /// </summary>
    Task<int> RequeueAsync(string queue, CancellationToken cancellationToken);
}
