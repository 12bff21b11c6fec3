namespace Kok.Domain.Payments;

/// <summary>
/// A payment intent failed (<c>payment_intent.payment_failed</c>): a SEPA debit was returned or a card declined.
/// <see cref="FailureCode"/> is the provider's short code, never its message.
/// </summary>
public sealed record PaymentIntentFailed(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string PaymentIntentId,
    string? FailureCode) : PaymentEvent(EventId, Created, Metadata);
