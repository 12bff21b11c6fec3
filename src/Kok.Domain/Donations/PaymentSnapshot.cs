namespace Kok.Domain.Donations;

/// <summary>The persisted state of a <see cref="Payment"/>; its status is derived, not stored.</summary>
public sealed record PaymentSnapshot(
    string Id,
    long AmountCents,
    string? PaymentIntentId,
    string? InvoiceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? RefundedAt,
    long RefundedCents);
