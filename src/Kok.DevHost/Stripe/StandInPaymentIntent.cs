namespace Kok.DevHost.Stripe;

internal sealed class StandInPaymentIntent
{
    public required string Id { get; init; }
    public required long AmountCents { get; init; }
    public required string PaymentMethodType { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required DateTimeOffset Created { get; init; }
    public string? SessionId { get; init; }
    public string? InvoiceId { get; init; }
    public string? CustomerId { get; init; }

    /// <summary>The payment method used (and, with <see cref="SetupFutureUsage"/>, saved on the customer).</summary>
    public required string PaymentMethodId { get; init; }
    public string? SetupFutureUsage { get; init; }

    /// <summary>processing (SEPA until settled), succeeded, or requires_payment_method after a failure.</summary>
    public string Status { get; set; } = "processing";
    public string? ChargeId { get; set; }
}
