namespace Kok.Domain.Payments;

/// <summary>
/// The payment of one subscription invoice succeeded, naming its payment intent (Stripe: <c>invoice_payment.paid</c>).
/// Since Stripe's API version "basil" neither the invoice in <c>invoice.paid</c> nor the charge or payment intent
/// names the other: this event is the one place that links an invoice (a payment of a monthly donation) to the
/// payment intent that a later refund, dispute or returned debit names. No metadata: it is found by its invoice.
/// </summary>
public sealed record InvoicePaymentPaid(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    string InvoiceId,
    string PaymentIntentId,
    long AmountPaidCents,
    DateTimeOffset PaidAt) : PaymentEvent(EventId, Created, Metadata);
