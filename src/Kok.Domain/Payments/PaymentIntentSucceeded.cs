namespace Kok.Domain.Payments;

/// <summary>
/// A payment intent succeeded (<c>payment_intent.succeeded</c>). Used for off-session dues charges, whose SEPA debits
/// settle days later; for checkout payments the checkout events say the same and this one changes nothing.
/// </summary>
public sealed record PaymentIntentSucceeded(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string PaymentIntentId,
    long AmountCents) : PaymentEvent(EventId, Created, Metadata);
