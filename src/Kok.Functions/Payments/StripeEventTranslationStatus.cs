namespace Kok.Functions.Payments;

public enum StripeEventTranslationStatus
{
    /// <summary>Signature valid and the event maps to a domain <see cref="Kok.Domain.Payments.PaymentEvent"/>.</summary>
    Translated,

    /// <summary>Signature valid, but the event type is none we act on.</summary>
    Ignored,

    /// <summary>Signature missing, wrong, or outside the time tolerance: the request did not come from Stripe.</summary>
    InvalidSignature,

    /// <summary>Signature valid but the payload is not an event we can read.</summary>
    Malformed,
}
