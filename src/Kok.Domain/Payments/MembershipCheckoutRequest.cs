namespace Kok.Domain.Payments;

/// <summary>
/// What the payment provider needs to collect a supporting member's first year's dues and keep the payment method
/// for the following years; carries no address, only what checkout shows.
/// </summary>
public sealed record MembershipCheckoutRequest(
    string MemberId,
    long AnnualAmountCents,
    PaymentMethodKind PaymentMethod,
    string Email,
    string Locale);
