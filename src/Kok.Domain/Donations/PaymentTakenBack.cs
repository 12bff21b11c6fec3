namespace Kok.Domain.Donations;

/// <summary>
/// The payer's bank took the money of a payment back (a returned debit) or reclaimed it (a dispute, whatever its
/// outcome; <paramref name="Status"/> is the payment's status then). Raised once per payment: its receipt is withdrawn
/// as for a refund. A later decision of the same dispute changes the status only.
/// </summary>
public sealed record PaymentTakenBack(string DonationId, string PaymentId, PaymentStatus Status) : DonationEvent(DonationId);
