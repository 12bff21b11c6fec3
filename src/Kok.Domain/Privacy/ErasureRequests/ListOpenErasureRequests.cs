namespace Kok.Domain.Privacy.ErasureRequests;

/// <summary>
/// The staff's list of open erasure requests, oldest first (the longest waiting is answered first; Art. 12 Abs. 3
/// DSGVO gives a month). One partition query.
/// </summary>
public sealed class ListOpenErasureRequests(IErasureRequestStore store)
{
    public Task<IReadOnlyList<OpenErasureRequest>> ExecuteAsync(CancellationToken cancellationToken) =>
        store.ListOpenAsync(cancellationToken);
}
