namespace Kok.Functions.Storage.Saving;

/// <summary>Runs the deferred projections of one kind of aggregate for the <c>Projections</c> function.</summary>
public interface IDeferredProjectionRunner
{
    string Kind { get; }

    /// <summary>
    /// Projects the aggregate with <paramref name="id"/> if it is stored at <paramref name="revision"/> or later; false
    /// when it is not (yet): the save the request was sent for has not landed.
    /// </summary>
    Task<bool> RunAsync(string id, long revision, CancellationToken cancellationToken);
}
