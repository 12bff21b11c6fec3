namespace Kok.Domain.Payments;

/// <summary>
/// A hosted page (Stripe Checkout in <c>setup</c> mode) on which a supporter enters a new card or SEPA mandate for
/// the provider's customer <see cref="CustomerId"/>, for later charges of <see cref="Owner"/>'s dues or monthly
/// donation. Nothing is charged; the provider confirms the new method by an event (<see cref="PaymentMethodSetUp"/>),
/// which carries <see cref="Owner"/>'s id in its metadata.
/// </summary>
/// <param name="ReturnUrl">Where the browser goes afterwards, whether the supporter finished or gave up.</param>
/// <param name="IdempotencyKey">The same key gives the same page (double clicks).</param>
public sealed record PaymentMethodSetupRequest(
    PaymentOwner Owner,
    string CustomerId,
    string Locale,
    Uri ReturnUrl,
    Uri CancelUrl,
    string IdempotencyKey);
