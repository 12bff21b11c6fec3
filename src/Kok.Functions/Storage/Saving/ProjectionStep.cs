using Kok.Domain.Donations;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// One save as a projection sees it: the aggregate as it will be (or was) stored, what the projection showed for it
/// before (<see cref="Previous"/>, the mark remembered in the aggregate's row; null for a new aggregate) and now
/// (<see cref="Current"/>), the provider references the use case handed over as new, and after the write the row's
/// new ETag. <see cref="State"/> carries what a projection's before-phase hands to its after-phase.
/// </summary>
public sealed class ProjectionStep<TAggregate>(
    TAggregate aggregate,
    bool isNew,
    string? previous,
    string? current,
    IReadOnlyCollection<PaymentReference> newReferences)
{
    public TAggregate Aggregate { get; } = aggregate;

    /// <summary>True when the save inserts the aggregate.</summary>
    public bool IsNew { get; } = isNew;

    public string? Previous { get; } = previous;

    public string? Current { get; } = current;

    public IReadOnlyCollection<PaymentReference> NewReferences { get; } = newReferences;

    public bool Changed => !string.Equals(Previous, Current, StringComparison.Ordinal);

    /// <summary>The aggregate row's ETag after the write; set before the after-phase runs.</summary>
    public string? WrittenETag { get; internal set; }

    public object? State { get; set; }
}
