namespace Kok.DevHost.Stripe;

internal sealed class StandInSubscription
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string ItemId { get; init; }
    public required string PriceId { get; set; }
    public required string ProductId { get; init; }
    public required long AmountCents { get; set; }
    public required string Currency { get; init; }
    /// <summary>The default payment method's type and id: renewals are charged on it; an update may replace it.</summary>
    public required string PaymentMethodType { get; set; }
    public required string PaymentMethodId { get; set; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string ProductName { get; init; }
    public string? CustomerEmail { get; init; }

    public string Status { get; set; } = "active";
    public DateTimeOffset CurrentPeriodStart { get; set; }
    public DateTimeOffset CurrentPeriodEnd { get; set; }
    public string? LatestInvoiceId { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>Stripe's <c>pause_collection.behavior</c> (<c>void</c>, <c>keep_as_draft</c>, <c>mark_uncollectible</c>); null: not paused.</summary>
    public string? PauseBehavior { get; set; }

    /// <summary>Stripe's <c>pause_collection.resumes_at</c>: renewals whose period starts before it collect nothing.</summary>
    public DateTimeOffset? PauseResumesAt { get; set; }

    /// <summary>Stripe's <c>cancel_at_period_end</c>: the next renewal ends the subscription instead.</summary>
    public bool CancelAtPeriodEnd { get; set; }

    /// <summary>Stripe's <c>cancellation_details.reason</c>: cancellation_requested, or payment_failed after the retries.</summary>
    public string CancellationReason { get; set; } = "cancellation_requested";
}
