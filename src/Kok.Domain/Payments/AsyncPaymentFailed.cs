namespace Kok.Domain.Payments;

/// <summary>A delayed payment (SEPA debit) started at checkout has failed.</summary>
public sealed record AsyncPaymentFailed(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SessionId,
    string? ClientReferenceId,
    string? PaymentIntentId) : PaymentEvent(EventId, Created, Metadata);
