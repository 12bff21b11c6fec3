namespace Kok.DevHost.Stripe;

/// <summary>An event as sent (or held back); <see cref="Payload"/> is the exact JSON, snapshotted at creation.</summary>
internal sealed class StandInEvent
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Payload { get; init; }

    public List<StandInDelivery> Deliveries { get; } = [];
}
