namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// One store's part of the erasure: every store that holds a supporter's personal data has one (a test holds the
/// erasers to the stores' declarations). Counting changes nothing; erasing twice finds nothing the second time.
/// </summary>
public interface ISupporterEraser
{
    string Store { get; }

    ErasureAction Action { get; }

    /// <summary>
    /// Lower first. Side tables go before the donations and members they are found through, so an erasure that
    /// stops half-way can be asked for again and finds what is left.
    /// </summary>
    int Order { get; }

    Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken);

    Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken);
}
