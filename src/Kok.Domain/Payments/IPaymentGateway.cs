namespace Kok.Domain.Payments;

/// <summary>
/// The payment provider (Stripe in production). Implementations must make every call idempotent by a key derived
/// from our ids, so a retried request never creates a second session or charge.
/// </summary>
public interface IPaymentGateway
{
    Task<CheckoutSession> CreateDonationCheckoutAsync(DonationCheckoutRequest request, CancellationToken cancellationToken);
}
