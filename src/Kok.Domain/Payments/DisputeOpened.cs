namespace Kok.Domain.Payments;

/// <summary>A payment was disputed (Stripe: <c>charge.dispute.created</c>): a chargeback, a reclaimed SEPA debit, or an inquiry.</summary>
public sealed record DisputeOpened(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    PaymentDispute Dispute) : DisputeEvent(EventId, Created, Metadata, Dispute);
