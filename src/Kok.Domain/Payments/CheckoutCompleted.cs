namespace Kok.Domain.Payments;

/// <summary>
/// The supporter finished checkout. <see cref="Paid"/> is true when the money is already there (card); SEPA debits
/// complete unpaid and settle later through <see cref="AsyncPaymentSucceeded"/> or <see cref="AsyncPaymentFailed"/>.
/// In subscription mode the payments themselves arrive as <see cref="InvoicePaid"/>.
/// </summary>
public sealed record CheckoutCompleted(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string SessionId,
    string? ClientReferenceId,
    bool Paid,
    bool SubscriptionMode,
    string? PaymentIntentId,
    string? SubscriptionId,
    string? CustomerId,
    long AmountTotalCents) : PaymentEvent(EventId, Created, Metadata);
