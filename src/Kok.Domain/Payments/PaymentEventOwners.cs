using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Payments;

/// <summary>
/// Whose a provider event is, as far as the event itself says: our own id in its metadata or as the checkout's client
/// reference (<see cref="Direct"/>), else the provider references it names (<see cref="References"/>), which the
/// <see cref="IPaymentReferenceIndex"/> resolves. One place, so donations and members read events the same way.
/// </summary>
public static class PaymentEventOwners
{
    /// <summary>The donation or member the event names itself; ids from outside are checked for shape first.</summary>
    public static PaymentOwner? Direct(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var clientReference = paymentEvent switch
        {
            CheckoutCompleted e => e.ClientReferenceId,
            AsyncPaymentSucceeded e => e.ClientReferenceId,
            AsyncPaymentFailed e => e.ClientReferenceId,
            _ => null,
        };
        string?[] memberCandidates = [paymentEvent.MetadataValue(PaymentMetadataKeys.MemberId), clientReference];
        if (memberCandidates.FirstOrDefault(Member.IsWellFormedId) is { } memberId)
        {
            return new PaymentOwner(PaymentOwnerKind.Member, memberId);
        }

        string?[] donationCandidates = [paymentEvent.MetadataValue(PaymentMetadataKeys.DonationId), clientReference];
        return donationCandidates.FirstOrDefault(Donation.IsWellFormedId) is { } donationId
            ? new PaymentOwner(PaymentOwnerKind.Donation, donationId)
            : null;
    }

    /// <summary>The provider references the event names, payment intent first.</summary>
    public static IEnumerable<PaymentReference> References(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        if (paymentEvent is InvoicePaymentPaid invoicePayment)
        {
            // Its payment intent is usually new to us (this event is what teaches it), so the invoice comes first; the
            // intent finds an owner that learnt it from an invoice of the older shape, which named it.
            yield return new PaymentReference(PaymentReferenceKind.Invoice, invoicePayment.InvoiceId);
            yield return new PaymentReference(PaymentReferenceKind.PaymentIntent, invoicePayment.PaymentIntentId);
            yield break;
        }

        var (paymentIntentId, subscriptionId) = paymentEvent switch
        {
            ChargeRefunded e => (e.PaymentIntentId, null),
            ChargeFailed e => (e.PaymentIntentId, null),
            DisputeEvent e => (e.Dispute.PaymentIntentId, null),
            InvoicePaid e => (e.PaymentIntentId, e.SubscriptionId),
            InvoicePaymentFailed e => (e.PaymentIntentId, e.SubscriptionId),
            SubscriptionEnded e => (null, e.SubscriptionId),
            SubscriptionUpdated e => (null, e.SubscriptionId),
            CheckoutCompleted e => (e.PaymentIntentId, e.SubscriptionId),
            AsyncPaymentSucceeded e => (e.PaymentIntentId, null),
            AsyncPaymentFailed e => (e.PaymentIntentId, null),
            PaymentIntentSucceeded e => (e.PaymentIntentId, null),
            PaymentIntentFailed e => (e.PaymentIntentId, (string?)null),
            _ => (null, null),
        };

        if (!string.IsNullOrEmpty(paymentIntentId))
        {
            yield return new PaymentReference(PaymentReferenceKind.PaymentIntent, paymentIntentId);
        }

        if (!string.IsNullOrEmpty(subscriptionId))
        {
            yield return new PaymentReference(PaymentReferenceKind.Subscription, subscriptionId);
        }
    }

    /// <summary>
    /// What to tell the provider when no owner was found. An event found only through the reference index may have
    /// overtaken the event that writes its index entry, so it must come again (a refund, a dispute, a subscription's
    /// invoice, its end); one that names an owner of ours that does not exist, or concerns nothing we started, never
    /// will match. A failed charge of an unknown payment intent is the common case of a card declined at checkout,
    /// before any of our events named the intent, and a dispute comes weeks after its payment was indexed: neither can
    /// have overtaken anything, so an unknown one is not ours and is ignored rather than retried for days. A
    /// subscription change matters only when it ends the subscription. An invoice's payment comes with the invoice's own
    /// <c>paid</c> event, which indexes the invoice, and may overtake it, so it waits for it.
    /// </summary>
    public static PaymentEventDisposition WhenNotFound(PaymentEvent paymentEvent) =>
        paymentEvent is ChargeRefunded or InvoicePaid or InvoicePaymentPaid or InvoicePaymentFailed or SubscriptionEnded
            or SubscriptionUpdated { State: SubscriptionState.Canceled or SubscriptionState.Unpaid or SubscriptionState.IncompleteExpired }
        && Direct(paymentEvent) is null
            ? PaymentEventDisposition.RetryLater
            : PaymentEventDisposition.Ignored;
}
