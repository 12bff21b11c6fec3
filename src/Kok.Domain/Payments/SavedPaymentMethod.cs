namespace Kok.Domain.Payments;

/// <summary>
/// A payment method the provider keeps for later off-session charges (a SEPA mandate or a card), as far as we may
/// show it: only the last four digits of the IBAN or card number.
/// </summary>
public sealed record SavedPaymentMethod(
    string PaymentMethodId,
    PaymentMethodKind Kind,
    string? Last4,
    string? MandateId,
    string? CustomerId);
