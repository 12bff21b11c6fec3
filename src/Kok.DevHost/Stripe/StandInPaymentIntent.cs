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

    /// <summary>Created and confirmed through <c>POST /v1/payment_intents</c> (an off-session dues charge), not by checkout.</summary>
    public bool OffSession { get; init; }
    public string? Description { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>processing (SEPA until settled), succeeded, or requires_payment_method after a failure.</summary>
    public string Status { get; set; } = "processing";
    public string? ChargeId { get; set; }

    /// <summary>last_payment_error after a failure: Stripe's code and, for card declines, the bank's decline code.</summary>
    public string? FailureCode { get; set; }
    public string? DeclineCode { get; set; }
    public string? FailureMessage { get; set; }
}
