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

    /// <summary>
    /// Charges yearly dues off-session on the saved payment method, idempotent by
    /// <see cref="DuesChargeRequest.IdempotencyKey"/>; the payment intent carries metadata <c>memberId</c> and
    /// <c>duesPeriod</c>. A refusal is a result (<see cref="DuesChargeStatus.Failed"/>,
    /// <see cref="DuesChargeStatus.RequiresAction"/>); only an unreachable or overloaded provider throws
    /// <see cref="PaymentGatewayException"/> (with <see cref="PaymentGatewayException.RetryAfter"/> on a rate limit).
    /// </summary>
    Task<DuesChargeResult> ChargeDuesAsync(DuesChargeRequest request, CancellationToken cancellationToken);

    /// <summary>A hosted checkout for one period's dues, with metadata <c>memberId</c> and <c>duesPeriod</c>.</summary>
    Task<CheckoutSession> CreateDuesCheckoutAsync(DuesCheckoutRequest request, CancellationToken cancellationToken);
}
