namespace Kok.Domain.Payments;

/// <summary>
/// A payment of a subscription (monthly donation) failed (Stripe: <c>invoice.payment_failed</c>); the provider retries
/// the same invoice until <see cref="NextAttemptAt"/> is null, then ends or marks the subscription as its settings say
/// (<see cref="SubscriptionUpdated"/>, <see cref="SubscriptionEnded"/>). Metadata is the subscription's, as for
/// <see cref="InvoicePaid"/>.
/// </summary>
/// <param name="PaymentIntentId">The invoice's payment, when the payload names it (older API versions, or the
/// <c>payments</c> list included); else null, and the matching <see cref="PaymentIntentFailed"/> is tied to the
/// subscription through <paramref name="CustomerId"/>.</param>
/// <param name="AttemptCount">How many times this invoice has been tried, this failure included.</param>
/// <param name="NextAttemptAt">When the provider tries again; null after the last attempt.</param>
/// <param name="FailureCode">The payment's failure code when the payload carries it (an expanded payment intent);
/// usually null: <see cref="PaymentIntentFailed"/> has it.</param>
public sealed record InvoicePaymentFailed(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string InvoiceId,
    string? SubscriptionId,
    string? CustomerId,
    string? PaymentIntentId,
    long AmountDueCents,
    int AttemptCount,
    DateTimeOffset? NextAttemptAt,
    string? FailureCode,
    bool FirstOfSubscription) : PaymentEvent(EventId, Created, Metadata);
