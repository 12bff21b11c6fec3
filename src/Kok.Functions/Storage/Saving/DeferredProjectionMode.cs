namespace Kok.Functions.Storage.Saving;

/// <summary>How an <see cref="AggregateStore{TAggregate}"/> runs its deferred projections.</summary>
public enum DeferredProjectionMode
{
    /// <summary>A <c>projections</c> message before the write; the <c>Projections</c> function applies it (the app).</summary>
    Queue,

    /// <summary>Right after the write, in the saving process (tools and tests that run no queue functions).</summary>
    Inline,
}
