namespace Kok.DevHost.Stripe;

/// <summary>A Checkout Session as the stand-in keeps it; rendered to Stripe's JSON by <see cref="StripeObjectJson"/>.</summary>
internal sealed class StandInSession
{
    public required string Id { get; init; }
    public required string Mode { get; init; }
    public required long AmountCents { get; init; }
    public required string Currency { get; init; }
    public required string ProductName { get; init; }
    public string? RecurringInterval { get; init; }
    public required IReadOnlyList<string> PaymentMethodTypes { get; init; }
    public string? ClientReferenceId { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required Dictionary<string, string> PaymentIntentMetadata { get; init; }
    public required Dictionary<string, string> SubscriptionMetadata { get; init; }

    /// <summary>setup_intent_data[metadata] of a session in <c>setup</c> mode.</summary>
    public Dictionary<string, string> SetupIntentMetadata { get; init; } = new(StringComparer.Ordinal);
    public string? CustomerEmail { get; init; }
    public string? Locale { get; init; }
    public string? SubmitType { get; init; }

    /// <summary>"always" makes checkout create a customer in payment mode (Stripe's default: "if_required").</summary>
    public string? CustomerCreation { get; init; }

    /// <summary>payment_intent_data[setup_future_usage]: "off_session" saves the payment method on the customer.</summary>
    public string? SetupFutureUsage { get; init; }
    public required string SuccessUrl { get; init; }
    public string? CancelUrl { get; init; }
    public required string CheckoutUrl { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    public string Status { get; set; } = "open";
    public string PaymentStatus { get; set; } = "unpaid";
    public string? PaymentMethodType { get; set; }
    public string? PaymentIntentId { get; set; }
    public string? SubscriptionId { get; set; }
    public string? InvoiceId { get; set; }
    public string? CustomerId { get; set; }

    /// <summary>The SetupIntent a completed <c>setup</c>-mode session made.</summary>
    public string? SetupIntentId { get; set; }

    public bool IsSubscription => Mode == "subscription";

    /// <summary>A session that only saves a payment method (no line items, nothing charged).</summary>
    public bool IsSetup => Mode == "setup";

    /// <summary>Where the browser goes after checkout; Stripe fills in the session id placeholder.</summary>
    public string ResolvedSuccessUrl => SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", Id, StringComparison.Ordinal);
}
