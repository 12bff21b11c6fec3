namespace Kok.Domain.Payments;

/// <summary>
/// A charge failed (Stripe: <c>charge.failed</c>). Sent for every failed charge, also one that never succeeded (a card
/// declined at checkout, a SEPA debit refused within its first days, where the checkout or payment-intent events say
/// the same); the new case is a SEPA debit that failed <em>after</em> it had been reported as succeeded (a return):
/// consumers tell the two apart by what they recorded for the payment. Charges carry no metadata of ours: the payment is
/// found by <see cref="PaymentIntentId"/>.
/// </summary>
/// <param name="FailureCode">The provider's short code (e.g. <c>insufficient_funds</c>, <c>account_closed</c>), never its
/// message; <see cref="PaymentProblemTexts.ForFailureCode"/> turns it into words.</param>
/// <param name="Method">Card or SEPA debit; null for other methods.</param>
/// <param name="MandateId">The SEPA mandate the debit was collected under (to count returns per mandate); null for cards.</param>
/// <param name="PaymentMethodId">The payment method charged, as saved for off-session charges.</param>
public sealed record ChargeFailed(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string ChargeId,
    string? PaymentIntentId,
    long AmountCents,
    string? FailureCode,
    PaymentMethodKind? Method,
    string? MandateId,
    string? PaymentMethodId) : PaymentEvent(EventId, Created, Metadata);
