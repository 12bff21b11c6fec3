namespace Kok.Domain.Donations;

/// <summary>A payment's money arrived. Raised once per payment, never for a payment already refunded.</summary>
public sealed record PaymentBecamePaid(string DonationId, string PaymentId, long AmountCents) : DonationEvent(DonationId);
