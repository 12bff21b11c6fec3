namespace Kok.Domain.Payments;

/// <summary>
/// A payment intent failed (<c>payment_intent.payment_failed</c>): a SEPA debit was returned or a card declined.
/// <see cref="FailureCode"/> is the provider's short code, never its message.
/// </summary>
/// <remarks>
/// Off-session dues charges carry our metadata. A subscription invoice's payment intent carries none (the provider does
/// not copy the subscription's metadata) and, since Stripe's API version "basil", does not name its invoice either:
/// such a failure is tied to its monthly donation through <see cref="CustomerId"/> (the donation learns its customer at
/// checkout), or through <see cref="InvoiceId"/> where an older payload names it, or by the
/// <see cref="InvoicePaymentFailed"/> that comes with it.
/// </remarks>
/// <param name="CustomerId">The provider's customer the payment was made for.</param>
/// <param name="InvoiceId">The invoice the payment belongs to, where the payload names it (API versions before "basil").</param>
/// <param name="ChargeId">The failed attempt's charge.</param>
public sealed record PaymentIntentFailed(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string PaymentIntentId,
    string? FailureCode,
    string? CustomerId = null,
    string? InvoiceId = null,
    string? ChargeId = null) : PaymentEvent(EventId, Created, Metadata);
