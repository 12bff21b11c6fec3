namespace Kok.DevHost.Stripe;

/// <summary>A multi-use SEPA Direct Debit mandate, as a SEPA checkout (or the seeding tool) leaves it.</summary>
internal sealed class StandInMandate
{
    public required string Id { get; init; }
    public required string PaymentMethodId { get; init; }

    /// <summary>The Mandatsreferenz: what the bank statement shows, uppercase letters and digits like Stripe's.</summary>
    public required string Reference { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
}
