namespace Kok.Domain.Payments;

/// <summary>
/// One payment of a subscription (monthly donation) was collected. The first invoice has
/// <see cref="FirstOfSubscription"/> set; each invoice is its own payment. Metadata is the subscription's.
/// </summary>
public sealed record InvoicePaid(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string InvoiceId,
    string? SubscriptionId,
    string? PaymentIntentId,
    long AmountPaidCents,
    bool FirstOfSubscription,
    DateTimeOffset PaidAt) : PaymentEvent(EventId, Created, Metadata);
