namespace Kok.Domain.Payments;

/// <summary>
/// The disputed amount came back because the dispute was won (Stripe: <c>charge.dispute.funds_reinstated</c>), sent
/// next to <see cref="DisputeClosed"/> in no fixed order.
/// </summary>
public sealed record DisputeFundsReinstated(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    PaymentDispute Dispute) : DisputeEvent(EventId, Created, Metadata, Dispute);
