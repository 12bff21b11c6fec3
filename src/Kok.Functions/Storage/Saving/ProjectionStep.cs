using Kok.Domain.Donations;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// One save as a projection sees it: the aggregate as it will be (or was) stored, what the projection showed for it
/// before (<see cref="Previous"/>, the mark remembered in the aggregate's row) and now (<see cref="Current"/>), the
/// provider references the use case handed over as new, and the revision the write stores.
/// </summary>
public sealed record ProjectionStep<TAggregate>(
    TAggregate Aggregate,
    string? Previous,
    string? Current,
    IReadOnlyCollection<PaymentReference> NewReferences,
    long Revision)
{
    public bool Changed => !string.Equals(Previous, Current, StringComparison.Ordinal);
}
