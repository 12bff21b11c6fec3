namespace Kok.Domain.Donations;

/// <summary>
/// The same request came again under the same idempotency key: answer exactly as the first time (HTTP 201, same
/// body); nothing new was created.
/// </summary>
public sealed record DonationReplayed(string DonationId, Uri CheckoutUrl) : CreateDonationResult;
