namespace Kok.Functions.Storage.Saving;

/// <summary>One kind of aggregate's deferred projections, as <see cref="RefreshProjectionsFunction"/> reaches them.</summary>
public interface IAggregateRefresh
{
    /// <summary>The aggregate's table name, as <see cref="DeferredRefresh.Aggregate"/> names it.</summary>
    string Aggregate { get; }

    Task RefreshAsync(string id, long revision, bool evenIfBehind, CancellationToken cancellationToken);
}
