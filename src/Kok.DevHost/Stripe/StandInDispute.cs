namespace Kok.DevHost.Stripe;

/// <summary>A dispute of a charge: the payer's bank reclaimed it (for SEPA: a reclaimed debit, which is final).</summary>
internal sealed class StandInDispute
{
    public required string Id { get; init; }
    public required string ChargeId { get; init; }
    public required string PaymentIntentId { get; init; }
    public required long AmountCents { get; init; }
    public required string Reason { get; init; }
    public required string PaymentMethodType { get; init; }
    public required DateTimeOffset Created { get; init; }

    /// <summary>needs_response while open; won or lost once closed.</summary>
    public string Status { get; set; } = "needs_response";
}
