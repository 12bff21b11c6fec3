namespace Kok.Functions.Storage.Saving;

/// <summary>
/// When a projection writes, relative to its aggregate's conditional write (see <see cref="AggregateStore{TAggregate}"/>).
/// </summary>
[Flags]
public enum ProjectionPhase
{
    /// <summary>
    /// Rows that must exist whenever the aggregate does (the dues agenda entry, an index entry): written before the
    /// aggregate, so a crash in between leaves an extra row readers recognise, never a missing one.
    /// </summary>
    BeforeWrite = 1,

    /// <summary>Clean-up that may only happen once the aggregate is stored (an old agenda or index row).</summary>
    AfterWrite = 2,

    /// <summary>
    /// Off the request's path: one <c>projections</c> queue message per save whose marks changed, sent before the
    /// write (so a crash cannot lose it), applied by the <c>Projections</c> function once the aggregate's revision is
    /// stored, idempotently (dashboard lists and totals).
    /// </summary>
    Deferred = 4,
}
