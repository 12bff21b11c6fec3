namespace Kok.Domain.Donations;

/// <summary>
/// A payment of a monthly donation failed (the provider retries it): the donor gets one mail for it, with a way to
/// give a new payment method.
/// </summary>
public sealed record MonthlyPaymentFailed(string DonationId, string PaymentId) : DonationEvent(DonationId);
