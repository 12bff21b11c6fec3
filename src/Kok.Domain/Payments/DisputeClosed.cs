namespace Kok.Domain.Payments;

/// <summary>
/// A dispute was decided (Stripe: <c>charge.dispute.closed</c>); <see cref="PaymentDispute.Status"/> says how.
/// </summary>
public sealed record DisputeClosed(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    PaymentDispute Dispute) : DisputeEvent(EventId, Created, Metadata, Dispute)
{
    /// <summary>The association keeps the money (won, or an inquiry that ended without a chargeback).</summary>
    public bool MoneyKept => Dispute.Status is DisputeStatus.Won or DisputeStatus.InquiryClosed;

    /// <summary>The payer keeps the money (lost).</summary>
    public bool MoneyLost => Dispute.Status == DisputeStatus.Lost;
}
