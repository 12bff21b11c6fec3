namespace Kok.DevHost.Stripe;

internal sealed class StandInSubscription
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string ItemId { get; init; }
    public required string PriceId { get; init; }
    public required string ProductId { get; init; }
    public required long AmountCents { get; init; }
    public required string Currency { get; init; }
    public required string PaymentMethodType { get; init; }
    public required string PaymentMethodId { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string ProductName { get; init; }
    public string? CustomerEmail { get; init; }

    public string Status { get; set; } = "active";
    public DateTimeOffset CurrentPeriodStart { get; set; }
    public DateTimeOffset CurrentPeriodEnd { get; set; }
    public string? LatestInvoiceId { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>Stripe's <c>cancellation_details.reason</c>: cancellation_requested, or payment_failed after the retries.</summary>
    public string CancellationReason { get; set; } = "cancellation_requested";
}
