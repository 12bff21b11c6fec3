namespace Kok.DevHost.Stripe;

/// <summary>A SetupIntent a Checkout Session in <c>setup</c> mode made: a payment method saved on a customer without a payment.</summary>
internal sealed class StandInSetupIntent
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string PaymentMethodId { get; init; }
    public required string PaymentMethodType { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public required DateTimeOffset Created { get; init; }

    /// <summary>The SEPA mandate the setup accepted; null for a card.</summary>
    public string? MandateId { get; init; }
    public string Status { get; init; } = "succeeded";
}
