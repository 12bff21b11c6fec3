namespace Kok.Domain.Payments;

/// <summary>
/// Money was paid back. Charges do not carry our metadata, so consumers find the payment by
/// <see cref="PaymentIntentId"/>.
/// </summary>
public sealed record ChargeRefunded(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string ChargeId,
    string? PaymentIntentId,
    long AmountRefundedCents,
    bool FullyRefunded) : PaymentEvent(EventId, Created, Metadata);
