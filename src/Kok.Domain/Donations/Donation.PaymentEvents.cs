using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Payments;
using static Kok.Domain.Payments.ConvergentFacts;

namespace Kok.Domain.Donations;

/// <summary>
/// How payment events change a donation (<see cref="Apply"/>): one handler per event kind, each recording facts that
/// only move one way, so late, repeated and reordered events converge (see the class's main part).
/// </summary>
public sealed partial class Donation
{
    public ApplyResult Apply(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        if (ledger.HasProcessed(paymentEvent.EventId))
        {
            return ApplyResult.Duplicate;
        }

        var before = DonationChanges.Before(this);
        var effect = paymentEvent switch
        {
            CheckoutCompleted e => OnCheckoutCompleted(e),
            AsyncPaymentSucceeded e => OnAsyncPaymentSucceeded(e),
            AsyncPaymentFailed e => OnAsyncPaymentFailed(e),
            InvoicePaid e => OnInvoicePaid(e),
            InvoicePaymentPaid e => OnInvoicePaymentPaid(e),
            InvoicePaymentFailed e => OnInvoicePaymentFailed(e),
            SubscriptionEnded e => OnSubscriptionEnded(e.SubscriptionId, e.Reason, e.Created),
            SubscriptionUpdated e => OnSubscriptionUpdated(e),
            ChargeRefunded e => ledger.ApplyRefund(e),
            DisputeEvent e => ledger.ApplyDispute(e),
            ChargeFailed e => ledger.ApplyChargeFailed(e),
            BankTransferReceived e => OnBankTransferReceived(e),
            BankTransferAssigned e => OnBankTransferAssigned(e),
            _ => ApplyOutcome.NoChange,
        };

        switch (effect)
        {
            case ApplyOutcome.NoChange:
                return ApplyResult.NoChange;
            case ApplyOutcome.NotYetApplicable:
                return ApplyResult.NotYetApplicable;
        }

        ledger.MarkProcessed(paymentEvent.EventId);
        var newReferences = References.Where(r => !before.References.Contains(r)).ToList();
        return new ApplyResult(ApplyOutcome.Changed, before.EventsSince(this), newReferences);
    }

    // A session id we never created is another checkout's event that carries our id by mistake: ignore it.
    private bool IsOwnSession(string sessionId) => CheckoutSessionId is null || CheckoutSessionId == sessionId;

    // A subscription is "ours" when we don't know one yet (its events can come before checkout completion).
    private bool IsOwnSubscription(string? id) => subscriptionId is null || id is null || subscriptionId == id;

    private ApplyOutcome OnCheckoutCompleted(CheckoutCompleted e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return ApplyOutcome.NoChange;
        }

        var changed = Earliest(ref checkoutCompletedAt, e.Created);
        changed |= Once(ref customerId, e.CustomerId);
        if (Interval == DonationInterval.Monthly)
        {
            // The payments of a subscription arrive as invoices; the session only tells us the subscription.
            changed |= Once(ref subscriptionId, e.SubscriptionId);
            return ToOutcome(changed);
        }

        changed |= RecordCheckoutPayment(e.AmountTotalCents, e.PaymentIntentId, e.Paid ? PaymentStatus.Paid : PaymentStatus.Processing, e.Created);
        return ToOutcome(changed);
    }

    private ApplyOutcome OnAsyncPaymentSucceeded(AsyncPaymentSucceeded e)
    {
        // For a monthly donation the settled first payment also arrives as an invoice, which records it.
        if (!IsOwnSession(e.SessionId) || Interval == DonationInterval.Monthly)
        {
            return ApplyOutcome.NoChange;
        }

        return ToOutcome(RecordCheckoutPayment(e.AmountTotalCents, e.PaymentIntentId, PaymentStatus.Paid, e.Created));
    }

    private ApplyOutcome OnAsyncPaymentFailed(AsyncPaymentFailed e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return ApplyOutcome.NoChange;
        }

        if (Interval == DonationInterval.Monthly)
        {
            return ToOutcome(Earliest(ref checkoutFailedAt, e.Created));
        }

        return ToOutcome(RecordCheckoutPayment(AmountCents, e.PaymentIntentId, PaymentStatus.Failed, e.Created));
    }

    private ApplyOutcome OnInvoicePaid(InvoicePaid e)
    {
        if (Interval != DonationInterval.Monthly || e.AmountPaidCents <= 0 || !IsOwnSubscription(e.SubscriptionId))
        {
            return ApplyOutcome.NoChange;
        }

        var changed = Once(ref subscriptionId, e.SubscriptionId);
        changed |= ledger.Record(
            ledger.PaymentIdFor($"invoice/{e.InvoiceId}"), e.InvoiceId, new PaymentReport(e.AmountPaidCents, e.PaymentIntentId, PaymentStatus.Paid, e.PaidAt)).Changed;
        return ToOutcome(changed);
    }

    /// <summary>
    /// The invoice's payment names its payment intent: the same payment as the invoice's (same slot), so a later
    /// refund, dispute or returned debit of that intent finds it. It also says the payment was made, the same fact as
    /// <see cref="InvoicePaid"/>, merged the same way (earliest time wins), so either may come first.
    /// </summary>
    private ApplyOutcome OnInvoicePaymentPaid(InvoicePaymentPaid e)
    {
        if (Interval != DonationInterval.Monthly || e.AmountPaidCents <= 0)
        {
            return ApplyOutcome.NoChange;
        }

        return ToOutcome(ledger.Record(
            ledger.PaymentIdFor($"invoice/{e.InvoiceId}"), e.InvoiceId, new PaymentReport(e.AmountPaidCents, e.PaymentIntentId, PaymentStatus.Paid, e.PaidAt)).Changed);
    }

    /// <summary>
    /// A payment of the subscription failed: the invoice's payment is recorded as failed (a later retry that succeeds
    /// makes it paid, <see cref="PaymentStatus"/> precedence). A failure of the first invoice is the checkout's failure,
    /// which the checkout events record: the donation never started, so no failed monthly payment and no mail.
    /// </summary>
    private ApplyOutcome OnInvoicePaymentFailed(InvoicePaymentFailed e)
    {
        if (Interval != DonationInterval.Monthly || e.FirstOfSubscription || !IsOwnSubscription(e.SubscriptionId))
        {
            return ApplyOutcome.NoChange;
        }

        var changed = Once(ref subscriptionId, e.SubscriptionId);
        var (payment, recorded) = ledger.Record(
            ledger.PaymentIdFor($"invoice/{e.InvoiceId}"), e.InvoiceId, new PaymentReport(e.AmountDueCents, e.PaymentIntentId, PaymentStatus.Failed, e.Created));
        changed |= recorded | payment.LearnFailureCode(e.FailureCode, e.Created);
        return ToOutcome(changed);
    }

    /// <summary>
    /// An end: cancelled, or unpaid (the provider's retries ran out and it collects no more), both with the reason
    /// "payment failed" unless the event says otherwise. Otherwise the subscription's terms (<see cref="OnSubscriptionTerms"/>);
    /// the failed payments themselves are recorded from their invoices.
    /// </summary>
    private ApplyOutcome OnSubscriptionUpdated(SubscriptionUpdated e) => e.State switch
    {
        SubscriptionState.Canceled or SubscriptionState.IncompleteExpired => OnSubscriptionEnded(e.SubscriptionId, e.EndReason, e.Created),
        SubscriptionState.Unpaid => OnSubscriptionEnded(e.SubscriptionId, SubscriptionEndReason.PaymentFailed, e.Created),
        _ => OnSubscriptionTerms(e),
    };

    /// <summary>
    /// What the provider now holds of a running subscription: the amount per month, a paused collection, an end
    /// planned for the period's end. Unlike the other facts these may go back and forth (pause, then not), so the
    /// newest statement wins by the event's time: an older event that arrives late is ignored.
    /// </summary>
    private ApplyOutcome OnSubscriptionTerms(SubscriptionUpdated e)
    {
        if (Interval != DonationInterval.Monthly || !IsOwnSubscription(e.SubscriptionId)
            || (termsChangedAt is { } stated && e.Created < stated))
        {
            return ApplyOutcome.NoChange;
        }

        Once(ref subscriptionId, e.SubscriptionId);
        termsChangedAt = e.Created;
        AmountCents = e.AmountCents is long amount and > 0 ? amount : AmountCents;
        PausedUntil = e.CollectionPaused ? e.CollectionResumesAt ?? DateTimeOffset.MaxValue : null;
        EndsAt = e.CancelAtPeriodEnd ? e.CurrentPeriodEnd : null;
        return ApplyOutcome.Changed;
    }

    private ApplyOutcome OnSubscriptionEnded(string id, SubscriptionEndReason reason, DateTimeOffset at)
    {
        if (Interval != DonationInterval.Monthly || !IsOwnSubscription(id))
        {
            return ApplyOutcome.NoChange;
        }

        var changed = Once(ref subscriptionId, id);
        changed |= Earliest(ref endedAt, at);

        // The most telling reason wins whatever the order (a later "unknown" does not erase "payment failed").
        if (reason > EndReason)
        {
            EndReason = reason;
            changed = true;
        }

        return ToOutcome(changed);
    }

    /// <summary>
    /// A credit naming this donation's code pays it when it brings the amount asked for; any other amount is left to
    /// staff (more: perhaps two donations in one; less: partial), as is a second credit once the donation is paid.
    /// </summary>
    private ApplyOutcome OnBankTransferReceived(BankTransferReceived e)
    {
        if (TransferCode != e.Code || e.AmountCents != AmountCents || ledger.Payments.Any(p => p.Id == TransferPaymentId))
        {
            return ApplyOutcome.NoChange;
        }

        return ToOutcome(ledger.Record(TransferPaymentId, invoiceId: null, new PaymentReport(e.AmountCents, PaymentIntentId: null, PaymentStatus.Paid, e.Created)).Changed);
    }

    /// <summary>
    /// Staff assigned a credit to this transfer donation: they decided, so its amount pays it (the receipt confirms the
    /// money that arrived), once; a donation paid otherwise, or already paid by transfer, is left as it is.
    /// </summary>
    private ApplyOutcome OnBankTransferAssigned(BankTransferAssigned e)
    {
        if (!IsAwaitingTransfer || e.AmountCents <= 0)
        {
            return ApplyOutcome.NoChange;
        }

        return ToOutcome(ledger.Record(TransferPaymentId, invoiceId: null, new PaymentReport(e.AmountCents, PaymentIntentId: null, PaymentStatus.Paid, e.Created)).Changed);
    }

    private bool RecordCheckoutPayment(long amountCents, string? paymentIntentId, PaymentStatus reported, DateTimeOffset at) =>
        ledger.Record(ledger.PaymentIdFor(CheckoutPaymentSlot), invoiceId: null, new PaymentReport(amountCents, paymentIntentId, reported, at)).Changed;
}
