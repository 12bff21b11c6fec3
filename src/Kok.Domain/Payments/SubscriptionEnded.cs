namespace Kok.Domain.Payments;

/// <summary>A subscription was deleted (by the supporter, by staff or after failed payments): no further payments.</summary>
public sealed record SubscriptionEnded(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SubscriptionId) : PaymentEvent(EventId, Created, Metadata);
