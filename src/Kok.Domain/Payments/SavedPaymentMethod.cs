namespace Kok.Domain.Payments;

/// <summary>
/// A payment method the provider keeps for later off-session charges (a SEPA mandate or a card), as far as we may
/// show it: only the last four digits of the IBAN or card number.
/// </summary>
/// <param name="MandateId">The provider's id of the SEPA mandate object (Stripe: <c>mandate_…</c>), for API calls.</param>
/// <param name="MandateReference">
/// The SEPA mandate reference (Mandatsreferenz: the mandate's name on the member's bank statement), which the
/// pre-notification must give. Null for cards, for methods saved before it was recorded, or when the provider did not
/// tell it.
/// </param>
public sealed record SavedPaymentMethod(
    string PaymentMethodId,
    PaymentMethodKind Kind,
    string? Last4,
    string? MandateId,
    string? CustomerId,
    string? MandateReference = null);
