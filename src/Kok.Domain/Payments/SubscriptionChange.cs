namespace Kok.Domain.Payments;

/// <summary>
/// One change of a subscription: exactly one of a new amount per period (from the next payment, no proration), a
/// pause of collection until a time, the end when the current period ends, or another payment method for the
/// following payments.
/// </summary>
public sealed record SubscriptionChange(string SubscriptionId, string IdempotencyKey)
{
    /// <summary>The new amount per month in cents, charged from the next payment on.</summary>
    public long? NewAmountCents { get; init; }

    /// <summary>No payments are collected before this time (payments due earlier are skipped, not charged later).</summary>
    public DateTimeOffset? PauseUntil { get; init; }

    /// <summary>The subscription ends when its current period ends; nothing more is charged.</summary>
    public bool CancelAtPeriodEnd { get; init; }

    /// <summary>The provider's id of a payment method saved on the subscription's customer, used from the next payment on.</summary>
    public string? DefaultPaymentMethodId { get; init; }
}
