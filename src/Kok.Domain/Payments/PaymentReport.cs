using Kok.Domain.Donations;

namespace Kok.Domain.Payments;

/// <summary>
/// What one event says about a payment: its amount, the provider's payment intent when named, the status it reports
/// and when. <see cref="PaymentLedger.Record"/> merges it into the payment the ledger already knows.
/// </summary>
public sealed record PaymentReport(long AmountCents, string? PaymentIntentId, PaymentStatus Reported, DateTimeOffset At);
