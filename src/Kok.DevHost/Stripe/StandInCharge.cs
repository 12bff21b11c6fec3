namespace Kok.DevHost.Stripe;

internal sealed class StandInCharge
{
    public required string Id { get; init; }
    public required string PaymentIntentId { get; init; }
    public required long AmountCents { get; init; }
    public required string PaymentMethodType { get; init; }
    public required DateTimeOffset Created { get; init; }
    public string? CustomerId { get; init; }
    public required string PaymentMethodId { get; init; }

    /// <summary>The SEPA mandate the debit is collected under; null for cards.</summary>
    public string? MandateId { get; init; }

    /// <summary>pending (SEPA in flight), succeeded, or failed.</summary>
    public string Status { get; set; } = "pending";
    public long AmountRefundedCents { get; set; }

    public bool Refunded => AmountRefundedCents >= AmountCents;
}
