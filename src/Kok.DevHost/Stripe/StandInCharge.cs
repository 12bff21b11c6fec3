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

    /// <summary>Stripe's failure code once the charge failed (a decline, or a returned SEPA debit).</summary>
    public string? FailureCode { get; set; }

    /// <summary>The dispute of this charge, once the payer's bank reclaimed it.</summary>
    public string? DisputeId { get; set; }

    public bool Refunded => AmountRefundedCents >= AmountCents;
}
