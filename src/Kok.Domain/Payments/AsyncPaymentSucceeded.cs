namespace Kok.Domain.Payments;

/// <summary>A delayed payment (SEPA debit) started at checkout has settled.</summary>
public sealed record AsyncPaymentSucceeded(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SessionId,
    string? ClientReferenceId,
    string? PaymentIntentId,
    long AmountTotalCents) : PaymentEvent(EventId, Created, Metadata);
