namespace Kok.Domain.Payments;

/// <summary>
/// New payment methods for running dues and monthly donations, set up at the provider without a payment. An
/// unreachable or refusing provider throws <see cref="PaymentGatewayException"/>.
/// </summary>
public interface IPaymentMethodSetup
{
    /// <summary>The hosted page where the supporter sets up a card or a SEPA mandate.</summary>
    Task<CheckoutSession> StartAsync(PaymentMethodSetupRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The method a setup intent saved, as far as we may show it; null while the setup has not succeeded (or set up
    /// a method of a kind we do not take).
    /// </summary>
    Task<SavedPaymentMethod?> SetUpMethodAsync(string setupIntentId, CancellationToken cancellationToken);
}
