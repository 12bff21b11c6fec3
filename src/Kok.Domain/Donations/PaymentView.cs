namespace Kok.Domain.Donations;

/// <summary>One payment as staff see it.</summary>
public sealed record PaymentView(
    string PaymentId,
    long AmountCents,
    PaymentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? RefundedAt,
    long RefundedCents);
