namespace Kok.Domain.Payments;

/// <summary>
/// A subscription (monthly donation) changed (Stripe: <c>customer.subscription.updated</c>): mostly its state after a
/// failed payment (<see cref="SubscriptionState.PastDue"/>, then <see cref="SubscriptionState.Unpaid"/> or
/// <see cref="SubscriptionState.Canceled"/>) or back to active, a paused collection, or a cancellation planned for the
/// end of the period. Metadata is the subscription's.
/// </summary>
/// <param name="PreviousState">The state before this change when the event says it changed; else null.</param>
/// <param name="CollectionPaused">Payments are paused (Stripe: <c>pause_collection</c> set).</param>
/// <param name="CollectionResumesAt">When a paused collection resumes by itself; null if it does not.</param>
/// <param name="CancelAtPeriodEnd">The subscription ends when the current period ends.</param>
/// <param name="AmountCents">What one period costs now (first item: unit amount × quantity); null if unknown.</param>
/// <param name="PriceId">The provider's price of the first item.</param>
/// <param name="CurrentPeriodEnd">When the current period ends (the next payment is due).</param>
/// <param name="EndReason">Why it was cancelled, when <paramref name="State"/> is <see cref="SubscriptionState.Canceled"/>.</param>
public sealed record SubscriptionUpdated(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SubscriptionId,
    string? CustomerId,
    SubscriptionState State,
    SubscriptionState? PreviousState,
    bool CollectionPaused,
    DateTimeOffset? CollectionResumesAt,
    bool CancelAtPeriodEnd,
    long? AmountCents,
    string? PriceId,
    DateTimeOffset? CurrentPeriodEnd,
    SubscriptionEndReason EndReason = SubscriptionEndReason.Unknown) : PaymentEvent(EventId, Created, Metadata);
