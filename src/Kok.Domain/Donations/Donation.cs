using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Payments;
using static Kok.Domain.Payments.ConvergentFacts;

namespace Kok.Domain.Donations;

/// <summary>
/// A donation and its payments; the only place where payment events change state.
/// <para>
/// Convergence: the provider delivers events late, twice and in any order. The donation therefore keeps facts, not
/// a state machine position: each fact only moves one way (a time is set to its earliest value, an id is set once,
/// an amount only grows), and <see cref="Status"/> is computed from the facts by fixed precedence. Merging the same
/// events in any order thus ends in the same state. A refund of a payment the donation does not know yet is the one
/// event that cannot be merged early; it is answered with <see cref="ApplyOutcome.NotYetApplicable"/> so the
/// provider retries it later.
/// </para>
/// </summary>
public sealed class Donation
{
    public const string IdPrefix = "don";
    public const string PaymentIdPrefix = PaymentLedger.PaymentIdPrefix;
    private const string CheckoutPaymentSlot = "checkout";
    private const string TransferPaymentSlot = "transfer";

    private readonly PaymentLedger ledger;
    private DateTimeOffset? checkoutCompletedAt;
    private DateTimeOffset? checkoutFailedAt;
    private DateTimeOffset? endedAt;
    private string? subscriptionId;
    private string? customerId;

    private Donation(
        string id,
        ContactDetails donor,
        long amountCents,
        DonationInterval interval,
        PaymentMethodKind paymentMethod,
        string locale,
        bool wantsReceipt,
        DateTimeOffset createdAt)
    {
        Id = id;
        ledger = new PaymentLedger(id);
        Donor = donor;
        AmountCents = amountCents;
        Interval = interval;
        PaymentMethod = paymentMethod;
        Locale = locale;
        WantsReceipt = wantsReceipt;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    /// <summary>Personal data: never log it.</summary>
    public ContactDetails Donor { get; }

    /// <summary>The amount asked for; per payment for a monthly donation.</summary>
    public long AmountCents { get; }

    public DonationInterval Interval { get; }

    public PaymentMethodKind PaymentMethod { get; }

    public string Locale { get; }

    /// <summary>Whether the donor asked for a Zuwendungsbestätigung (German tax receipt for a donation).</summary>
    public bool WantsReceipt { get; }

    public DateTimeOffset CreatedAt { get; }

    public string? CheckoutSessionId { get; private set; }

    /// <summary>
    /// The code a donor paying by bank transfer writes into the transfer's reference; derived from the (random) id,
    /// so it is unguessable and a retried request names the same code. Null for other payment methods.
    /// </summary>
    public ReferenceCode? TransferCode => PaymentMethod == PaymentMethodKind.BankTransfer ? ReferenceCode.Derive(Id, TransferPaymentSlot) : null;

    /// <summary>The id the payment of a bank transfer gets once it arrives (and its instructions mail is keyed by).</summary>
    public string TransferPaymentId => ledger.PaymentIdFor(TransferPaymentSlot);

    public Uri? CheckoutUrl { get; private set; }

    public string? SubscriptionId => subscriptionId;

    public string? CustomerId => customerId;

    public DateTimeOffset? CheckoutCompletedAt => checkoutCompletedAt;

    /// <summary>When the first payment of a monthly donation failed at checkout.</summary>
    public DateTimeOffset? CheckoutFailedAt => checkoutFailedAt;

    /// <summary>When the subscription of a monthly donation ended.</summary>
    public DateTimeOffset? EndedAt => endedAt;

    /// <summary>Why the subscription ended, once it did (the provider's retries of a failed payment ran out, …).</summary>
    public SubscriptionEndReason EndReason { get; private set; }

    /// <summary>Payments in the order the provider reported them.</summary>
    public IReadOnlyList<Payment> Payments => ledger.Payments;

    /// <summary>
    /// The payment-shaped id under which the receipt mailer is asked for the last mail of a monthly donation that
    /// ended (that mail is about the donation, not one payment; derived, so a redelivery asks for the same).
    /// </summary>
    public string EndNoticeId => ledger.PaymentIdFor("subscription-end");

    /// <summary>Ids of the provider events that changed this donation; saved with it, so dedupe is atomic.</summary>
    public IReadOnlyCollection<string> ProcessedEventIds => ledger.ProcessedEventIds;

    /// <summary>Provider ids under which this donation must be findable.</summary>
    public IReadOnlyCollection<PaymentReference> References
    {
        get
        {
            var references = new List<PaymentReference>();
            if (subscriptionId is not null)
            {
                references.Add(new PaymentReference(PaymentReferenceKind.Subscription, subscriptionId));
            }

            if (TransferCode is { } code)
            {
                references.Add(new PaymentReference(PaymentReferenceKind.TransferCode, code.Characters));
            }

            references.AddRange(ledger.IntentReferences);
            references.AddRange(ledger.InvoiceReferences);
            return references;
        }
    }

    /// <summary>
    /// Derived from the payments by fixed precedence: a monthly donation that ended is cancelled; any payment paid
    /// makes the donation paid (a monthly donation runs on while one payment is disputed or returned); else a disputed
    /// payment makes it disputed; all payments refunded → refunded; all money gone with at least one payment returned
    /// by the bank (returned debit, lost dispute) → returned; then processing, failed, pending.
    /// </summary>
    public DonationStatus Status
    {
        get
        {
            if (Interval == DonationInterval.Monthly && endedAt is not null)
            {
                return DonationStatus.Cancelled;
            }

            var payments = ledger.Payments;
            if (payments.Any(p => p.Status == PaymentStatus.Paid))
            {
                return DonationStatus.Paid;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Disputed))
            {
                return DonationStatus.Disputed;
            }

            if (payments.Count > 0 && payments.All(p => p.Status == PaymentStatus.Refunded))
            {
                return DonationStatus.Refunded;
            }

            if (payments.Count > 0 && payments.All(p => p.Status is PaymentStatus.Refunded or PaymentStatus.Returned))
            {
                return DonationStatus.Returned;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Processing))
            {
                return DonationStatus.Processing;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Failed) || checkoutFailedAt is not null)
            {
                return DonationStatus.Failed;
            }

            return checkoutCompletedAt is not null ? DonationStatus.Processing : DonationStatus.Pending;
        }
    }

    public static bool IsWellFormedId(string? id) => RandomIdGenerator.IsWellFormed(id, IdPrefix);

    public static Donation Create(string id, DonationRequest request, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsWellFormedId(id))
        {
            throw new ArgumentException("Not a donation id.", nameof(id));
        }

        return new Donation(
            id,
            request.Donor,
            request.AmountCents,
            request.Interval,
            request.PaymentMethod,
            request.Locale,
            request.WantsReceipt,
            createdAt);
    }

    public static Donation FromSnapshot(DonationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var donation = new Donation(
            snapshot.Id,
            snapshot.Donor,
            snapshot.AmountCents,
            snapshot.Interval,
            snapshot.PaymentMethod,
            snapshot.Locale,
            snapshot.WantsReceipt,
            snapshot.CreatedAt)
        {
            CheckoutSessionId = snapshot.CheckoutSessionId,
            CheckoutUrl = snapshot.CheckoutUrl,
            subscriptionId = snapshot.SubscriptionId,
            customerId = snapshot.CustomerId,
            checkoutCompletedAt = snapshot.CheckoutCompletedAt,
            checkoutFailedAt = snapshot.CheckoutFailedAt,
            endedAt = snapshot.EndedAt,
            EndReason = snapshot.EndReason,
        };
        donation.ledger.Restore(snapshot.Payments, snapshot.ProcessedEventIds);
        return donation;
    }

    public DonationSnapshot ToSnapshot() => new(
        Id,
        Donor,
        AmountCents,
        Interval,
        PaymentMethod,
        Locale,
        WantsReceipt,
        CreatedAt,
        CheckoutSessionId,
        CheckoutUrl,
        subscriptionId,
        customerId,
        checkoutCompletedAt,
        checkoutFailedAt,
        endedAt,
        ledger.PaymentSnapshots(),
        ledger.ProcessedEventIdSnapshot())
    {
        EndReason = EndReason,
    };

    /// <summary>Links the donation to its hosted checkout page; a donation has exactly one.</summary>
    public void AttachCheckout(CheckoutSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (CheckoutSessionId is not null && CheckoutSessionId != session.SessionId)
        {
            throw new InvalidOperationException("The donation already has a different checkout session.");
        }

        CheckoutSessionId = session.SessionId;
        CheckoutUrl = session.Url;
    }

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
            ledger.PaymentIdFor($"invoice/{e.InvoiceId}"), e.InvoiceId, e.AmountPaidCents, e.PaymentIntentId, PaymentStatus.Paid, e.PaidAt).Changed;
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
            ledger.PaymentIdFor($"invoice/{e.InvoiceId}"), e.InvoiceId, e.AmountPaidCents, e.PaymentIntentId, PaymentStatus.Paid, e.PaidAt).Changed);
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
            ledger.PaymentIdFor($"invoice/{e.InvoiceId}"), e.InvoiceId, e.AmountDueCents, e.PaymentIntentId, PaymentStatus.Failed, e.Created);
        changed |= recorded | payment.LearnFailureCode(e.FailureCode, e.Created);
        return ToOutcome(changed);
    }

    /// <summary>
    /// Only an end matters here: cancelled, or unpaid (the provider's retries ran out and it collects no more), both
    /// with the reason "payment failed" unless the event says otherwise. Past due, paused or active again change
    /// nothing: the failed payments themselves are recorded from their invoices.
    /// </summary>
    private ApplyOutcome OnSubscriptionUpdated(SubscriptionUpdated e) => e.State switch
    {
        SubscriptionState.Canceled or SubscriptionState.IncompleteExpired => OnSubscriptionEnded(e.SubscriptionId, e.EndReason, e.Created),
        SubscriptionState.Unpaid => OnSubscriptionEnded(e.SubscriptionId, SubscriptionEndReason.PaymentFailed, e.Created),
        _ => ApplyOutcome.NoChange,
    };

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

        return ToOutcome(ledger.Record(TransferPaymentId, invoiceId: null, e.AmountCents, paymentIntentId: null, PaymentStatus.Paid, e.Created).Changed);
    }

    private bool RecordCheckoutPayment(long amountCents, string? paymentIntentId, PaymentStatus reported, DateTimeOffset at) =>
        ledger.Record(ledger.PaymentIdFor(CheckoutPaymentSlot), invoiceId: null, amountCents, paymentIntentId, reported, at).Changed;
}
