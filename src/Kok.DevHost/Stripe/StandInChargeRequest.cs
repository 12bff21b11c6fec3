namespace Kok.DevHost.Stripe;

/// <summary>
/// A <c>POST /v1/payment_intents</c> as the stand-in takes it: confirmed at once, off-session, on a payment method
/// saved on the customer. <see cref="PaymentMethodTypes"/> is empty when the request named none.
/// </summary>
internal sealed record StandInChargeRequest(
    long AmountCents,
    string CustomerId,
    string PaymentMethodId,
    IReadOnlyList<string> PaymentMethodTypes,
    Dictionary<string, string> Metadata,
    string? Description,
    string? IdempotencyKey);
