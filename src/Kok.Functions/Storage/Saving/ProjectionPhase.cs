namespace Kok.Functions.Storage.Saving;

/// <summary>
/// When a projection writes, relative to its aggregate's conditional write (see <see cref="AggregateStore{TAggregate}"/>).
/// A projection may declare both.
/// </summary>
[Flags]
public enum ProjectionPhase
{
    /// <summary>
    /// Rows that must exist whenever the aggregate does (the dues agenda entry, an index entry, a list row flagged as
    /// pending): written before the aggregate, so a crash in between leaves an extra row readers recognise, never a
    /// missing one.
    /// </summary>
    BeforeWrite = 1,

    /// <summary>
    /// What may only happen once the aggregate is stored: deleting old agenda, ending or index rows, confirming list
    /// rows, counting the dashboard totals (a failed write must count nothing; a redelivered event finds its
    /// contribution counted and adds nothing).
    /// </summary>
    AfterWrite = 2,

    /// <summary>
    /// Off the request's path (ADR 0006): what only staff read and may lag a moment behind (the dashboard totals, a
    /// list row's changed columns). A save that changes such a projection's mark puts one message on
    /// <see cref="DeferredRefresh.QueueName"/> before its write; <see cref="RefreshProjectionsFunction"/> then loads
    /// the aggregate as stored and brings every deferred projection up to it, guarded by the aggregate's revision so
    /// an older state never overwrites a newer one. One queue message on the request's path instead of the writes.
    /// </summary>
    Deferred = 4,
}
