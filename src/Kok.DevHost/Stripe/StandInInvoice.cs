namespace Kok.DevHost.Stripe;

internal sealed class StandInInvoice
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string LineItemId { get; init; }
    public required string SubscriptionId { get; init; }
    public required string CustomerId { get; init; }
    public required string? CustomerEmail { get; init; }
    public required long AmountCents { get; init; }
    public required string BillingReason { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset ServicePeriodStart { get; init; }
    public required DateTimeOffset ServicePeriodEnd { get; init; }
    public required string PaymentIntentId { get; init; }

    /// <summary>The invoice's default InvoicePayment, which Stripe makes when the invoice is finalised.</summary>
    public string InvoicePaymentId { get; } = StripeIds.New("inpay_1");

    /// <summary>The subscription's metadata when the invoice was made, as Stripe copies it into the invoice.</summary>
    public required Dictionary<string, string> SubscriptionMetadata { get; init; }

    /// <summary>open until its payment settles, then paid.</summary>
    public string Status { get; set; } = "open";
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>How often the invoice's payment was tried; when Stripe tries again (null: not any more).</summary>
    public int AttemptCount { get; set; } = 1;
    public DateTimeOffset? NextPaymentAttempt { get; set; }
}
