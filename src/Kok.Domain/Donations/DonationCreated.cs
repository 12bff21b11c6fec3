namespace Kok.Domain.Donations;

/// <summary>A new donation awaits checkout at <paramref name="CheckoutUrl"/> (HTTP 201).</summary>
public sealed record DonationCreated(string DonationId, Uri CheckoutUrl) : CreateDonationResult;
