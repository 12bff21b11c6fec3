namespace Kok.Domain.Payments;

/// <summary>
/// The provider confirms that a supporter set up a new payment method (a card or a SEPA mandate) through a hosted
/// page in setup mode (Stripe: <c>checkout.session.completed</c> in mode <c>setup</c>, or <c>setup_intent.succeeded</c>;
/// both name the same setup intent). Only this confirmation lets the new method replace the old one.
/// <see cref="PaymentEvent.Metadata"/> names the member or donation it is for.
/// </summary>
public sealed record PaymentMethodSetUp(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SetupIntentId) : PaymentEvent(EventId, Created, Metadata);
