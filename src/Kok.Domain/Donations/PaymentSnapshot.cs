using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// The persisted state of a <see cref="Payment"/>; its status is derived, not stored. The facts about money that came
/// back are init-only, so rows saved before they existed read as "none".
/// </summary>
public sealed record PaymentSnapshot(
    string Id,
    long AmountCents,
    string? PaymentIntentId,
    string? InvoiceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? RefundedAt,
    long RefundedCents)
{
    public DateTimeOffset? ChargeFailedAt { get; init; }

    public string? FailureCode { get; init; }

    public DateTimeOffset? FailureCodeAt { get; init; }

    public PaymentDisputeFacts? Dispute { get; init; }

    public string? MandateId { get; init; }
}
