namespace Kok.Domain.Payments;

/// <summary>
/// A payment the payer's bank or card issuer has taken back or questioned (a chargeback; for SEPA a reclaimed or
/// returned debit), as the provider reports it in each of its dispute events: every event carries the whole picture, so
/// the events can be applied in any order.
/// </summary>
/// <param name="DisputeId">The provider's id of the dispute (Stripe: <c>dp_…</c>).</param>
/// <param name="ChargeId">The disputed charge. Disputes and charges carry no metadata of ours: consumers find the
/// payment by <paramref name="PaymentIntentId"/> (or by the charge).</param>
/// <param name="PaymentIntentId">The disputed payment; null only for payments not made through a payment intent.</param>
/// <param name="AmountCents">The disputed amount, which may differ from the payment's.</param>
/// <param name="ReasonCode">The provider's reason (Stripe: <c>general</c>, <c>fraudulent</c>,
/// <c>debit_not_authorized</c>, …); <see cref="PaymentProblemTexts.ForDisputeReason"/> turns it into words. German banks
/// give no reason for privacy, so SEPA disputes from Germany mostly say <c>general</c>.</param>
/// <param name="Status">Where the dispute stands in this event's snapshot.</param>
/// <param name="OpenedAt">When the dispute was opened.</param>
/// <param name="EvidenceDueBy">Until when evidence may be submitted; null when it cannot be contested (SEPA disputes
/// are final) or the deadline has no meaning any more.</param>
public sealed record PaymentDispute(
    string DisputeId,
    string ChargeId,
    string? PaymentIntentId,
    long AmountCents,
    string ReasonCode,
    DisputeStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? EvidenceDueBy);
