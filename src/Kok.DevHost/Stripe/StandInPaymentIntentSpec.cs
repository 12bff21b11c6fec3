namespace Kok.DevHost.Stripe;

/// <summary>
/// What a new stand-in payment intent is made from: its amount, method and metadata, and what it belongs to (a
/// Checkout session, a subscription invoice, or an API call naming a customer and a saved payment method).
/// </summary>
internal sealed record StandInPaymentIntentSpec(long AmountCents, string Method, Dictionary<string, string> Metadata)
{
    public string? SessionId { get; init; }

    public string? InvoiceId { get; init; }

    public string? CustomerId { get; init; }

    public string? SetupFutureUsage { get; init; }

    /// <summary>The saved payment method charged; null when checkout makes its own.</summary>
    public string? PaymentMethodId { get; init; }

    public string? Description { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Null: off-session exactly when a saved payment method is named.</summary>
    public bool? OffSession { get; init; }
}
