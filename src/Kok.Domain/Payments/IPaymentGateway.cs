namespace Kok.Domain.Payments;

/// <summary>
/// The payment provider (Stripe in production). Implementations must make every call idempotent by a key derived
/// from our ids, so a retried request never creates a second session or charge.
/// </summary>
public interface IPaymentGateway
{
    Task<CheckoutSession> CreateDonationCheckoutAsync(DonationCheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>A checkout that takes the first year's dues and saves the payment method on a customer for the member.</summary>
    Task<CheckoutSession> CreateMembershipCheckoutAsync(MembershipCheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The payment method a payment was made with, saved for later use; null when the payment has none (yet).
    /// Events do not carry it, so it is looked up once the checkout completed.
    /// </summary>
    Task<SavedPaymentMethod?> GetSavedPaymentMethodAsync(string paymentIntentId, CancellationToken cancellationToken);
}
