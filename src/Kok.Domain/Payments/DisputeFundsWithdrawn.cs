namespace Kok.Domain.Payments;

/// <summary>
/// The disputed amount was taken from the association's balance (Stripe: <c>charge.dispute.funds_withdrawn</c>): sent
/// with the opening of every chargeback and SEPA dispute, not for an inquiry.
/// </summary>
public sealed record DisputeFundsWithdrawn(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    PaymentDispute Dispute) : DisputeEvent(EventId, Created, Metadata, Dispute);
