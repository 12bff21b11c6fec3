namespace Kok.Domain.Privacy.ErasureRequests;

/// <summary>The open erasure requests, one per supporter.</summary>
public interface IErasureRequestStore
{
    Task<OpenErasureRequest?> GetOpenAsync(string supporterKey, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="request"/>; false (nothing written) when the supporter has one open already.</summary>
    Task<bool> TryAddAsync(OpenErasureRequest request, CancellationToken cancellationToken);

    /// <summary>Every open request, oldest first.</summary>
    Task<IReadOnlyList<OpenErasureRequest>> ListOpenAsync(CancellationToken cancellationToken);
}
