namespace Kok.Domain.Payments;

/// <summary>A subscription was deleted (by the supporter, by staff or after failed payments): no further payments.</summary>
/// <param name="Reason">Why, as the provider says it (Stripe: <c>cancellation_details.reason</c>).</param>
public sealed record SubscriptionEnded(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SubscriptionId,
    SubscriptionEndReason Reason = SubscriptionEndReason.Unknown) : PaymentEvent(EventId, Created, Metadata);
