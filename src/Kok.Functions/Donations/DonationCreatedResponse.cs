namespace Kok.Functions.Donations;

/// <summary>The 201 body of <c>POST /api/donations</c>; a replay with the same Idempotency-Key gets the same.</summary>
public sealed record DonationCreatedResponse(string DonationId, string CheckoutUrl);
