namespace Kok.Domain.Payments;

/// <summary>
/// A hosted checkout for dues that could not be collected off-session (declined, or the card needs authentication):
/// the member pays the period's dues themselves, and the payment method is saved again for the following years.
/// </summary>
public sealed record DuesCheckoutRequest(
    string MemberId,
    DateOnly PeriodStart,
    long AmountCents,
    PaymentMethodKind PaymentMethod,
    string? CustomerId,
    string Email,
    string Locale);
