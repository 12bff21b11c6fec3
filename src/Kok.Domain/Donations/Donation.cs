using Kok.Domain.Common;
using Kok.Domain.Payments;

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
    public const string PaymentIdPrefix = "pay";
    private const string CheckoutPaymentSlot = "checkout";

    private readonly List<Payment> payments = [];
    private readonly SortedSet<string> processedEventIds = new(StringComparer.Ordinal);
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

    public Uri? CheckoutUrl { get; private set; }

    public string? SubscriptionId => subscriptionId;

    public string? CustomerId => customerId;

    public DateTimeOffset? CheckoutCompletedAt => checkoutCompletedAt;

    /// <summary>When the first payment of a monthly donation failed at checkout.</summary>
    public DateTimeOffset? CheckoutFailedAt => checkoutFailedAt;

    /// <summary>When the subscription of a monthly donation ended.</summary>
    public DateTimeOffset? EndedAt => endedAt;

    /// <summary>Payments in the order the provider reported them.</summary>
    public IReadOnlyList<Payment> Payments =>
        payments.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    /// <summary>Ids of the provider events that changed this donation; saved with it, so dedupe is atomic.</summary>
    public IReadOnlyCollection<string> ProcessedEventIds => processedEventIds;

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

            references.AddRange(payments
                .Where(p => p.PaymentIntentId is not null)
                .Select(p => new PaymentReference(PaymentReferenceKind.PaymentIntent, p.PaymentIntentId!)));
            return references;
        }
    }

    public DonationStatus Status
    {
        get
        {
            if (Interval == DonationInterval.Monthly && endedAt is not null)
            {
                return DonationStatus.Cancelled;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Paid))
            {
                return DonationStatus.Paid;
            }

            if (payments.Count > 0 && payments.All(p => p.Status == PaymentStatus.Refunded))
            {
                return DonationStatus.Refunded;
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
        };
        donation.payments.AddRange(snapshot.Payments.Select(Payment.FromSnapshot));
        donation.processedEventIds.UnionWith(snapshot.ProcessedEventIds);
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
        Payments.Select(p => p.ToSnapshot()).ToList(),
        processedEventIds.ToList());

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
        if (processedEventIds.Contains(paymentEvent.EventId))
        {
            return ApplyResult.Duplicate;
        }

        var paymentsBefore = payments.ToDictionary(p => p.Id, p => (p.Status, p.RefundedCents));
        var referencesBefore = References.ToHashSet();
        var endedBefore = endedAt is not null;

        var effect = paymentEvent switch
        {
            CheckoutCompleted e => OnCheckoutCompleted(e),
            AsyncPaymentSucceeded e => OnAsyncPaymentSucceeded(e),
            AsyncPaymentFailed e => OnAsyncPaymentFailed(e),
            InvoicePaid e => OnInvoicePaid(e),
            SubscriptionEnded e => OnSubscriptionEnded(e),
            ChargeRefunded e => OnChargeRefunded(e),
            _ => Effect.Unchanged,
        };

        switch (effect)
        {
            case Effect.Unchanged:
                return ApplyResult.NoChange;
            case Effect.NotYetApplicable:
                return ApplyResult.NotYetApplicable;
        }

        processedEventIds.Add(paymentEvent.EventId);
        var events = new List<DonationEvent>();
        foreach (var payment in Payments)
        {
            var known = paymentsBefore.TryGetValue(payment.Id, out var before);
            if (payment.Status == PaymentStatus.Paid && (!known || before.Status != PaymentStatus.Paid))
            {
                events.Add(new PaymentBecamePaid(Id, payment.Id, payment.AmountCents));
            }

            var refundedNow = payment.Status == PaymentStatus.Refunded && (!known || before.Status != PaymentStatus.Refunded);
            if (payment.RefundedCents > (known ? before.RefundedCents : 0) || refundedNow)
            {
                events.Add(new PaymentRefunded(Id, payment.Id, payment.RefundedCents, payment.Status == PaymentStatus.Refunded));
            }
        }

        if (!endedBefore && endedAt is not null)
        {
            events.Add(new RecurringDonationEnded(Id));
        }

        var newReferences = References.Where(r => !referencesBefore.Contains(r)).ToList();
        return new ApplyResult(ApplyOutcome.Changed, events, newReferences);
    }

    private static bool Earliest(ref DateTimeOffset? field, DateTimeOffset candidate)
    {
        if (field is { } known && known <= candidate)
        {
            return false;
        }

        field = candidate;
        return true;
    }

    private static bool Once(ref string? field, string? value)
    {
        if (field is not null || string.IsNullOrEmpty(value))
        {
            return false;
        }

        field = value;
        return true;
    }

    private static Effect ToEffect(bool changed) => changed ? Effect.Changed : Effect.Unchanged;

    // A session id we never created is another checkout's event that carries our id by mistake: ignore it.
    private bool IsOwnSession(string sessionId) => CheckoutSessionId is null || CheckoutSessionId == sessionId;

    // A subscription is "ours" when we don't know one yet (its events can come before checkout completion).
    private bool IsOwnSubscription(string? id) => subscriptionId is null || id is null || subscriptionId == id;

    private Effect OnCheckoutCompleted(CheckoutCompleted e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return Effect.Unchanged;
        }

        var changed = Earliest(ref checkoutCompletedAt, e.Created);
        changed |= Once(ref customerId, e.CustomerId);
        if (Interval == DonationInterval.Monthly)
        {
            // The payments of a subscription arrive as invoices; the session only tells us the subscription.
            changed |= Once(ref subscriptionId, e.SubscriptionId);
            return ToEffect(changed);
        }

        var (payment, added) = CheckoutPayment(e.Created);
        changed |= added | payment.Observe(e.AmountTotalCents, e.PaymentIntentId, e.Created);
        if (e.Paid)
        {
            changed |= payment.MarkPaid(e.Created);
        }

        return ToEffect(changed);
    }

    private Effect OnAsyncPaymentSucceeded(AsyncPaymentSucceeded e)
    {
        // For a monthly donation the settled first payment also arrives as an invoice, which records it.
        if (!IsOwnSession(e.SessionId) || Interval == DonationInterval.Monthly)
        {
            return Effect.Unchanged;
        }

        var (payment, added) = CheckoutPayment(e.Created);
        var changed = added | payment.Observe(e.AmountTotalCents, e.PaymentIntentId, e.Created);
        changed |= payment.MarkPaid(e.Created);
        return ToEffect(changed);
    }

    private Effect OnAsyncPaymentFailed(AsyncPaymentFailed e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return Effect.Unchanged;
        }

        if (Interval == DonationInterval.Monthly)
        {
            return ToEffect(Earliest(ref checkoutFailedAt, e.Created));
        }

        var (payment, added) = CheckoutPayment(e.Created);
        var changed = added | payment.Observe(AmountCents, e.PaymentIntentId, e.Created);
        changed |= payment.MarkFailed(e.Created);
        return ToEffect(changed);
    }

    private Effect OnInvoicePaid(InvoicePaid e)
    {
        if (Interval != DonationInterval.Monthly || e.AmountPaidCents <= 0 || !IsOwnSubscription(e.SubscriptionId))
        {
            return Effect.Unchanged;
        }

        var changed = Once(ref subscriptionId, e.SubscriptionId);
        var (payment, added) = GetOrAddPayment($"invoice/{e.InvoiceId}", e.InvoiceId, e.PaidAt);
        changed |= added | payment.Observe(e.AmountPaidCents, e.PaymentIntentId, e.PaidAt);
        changed |= payment.MarkPaid(e.PaidAt);
        return ToEffect(changed);
    }

    private Effect OnSubscriptionEnded(SubscriptionEnded e)
    {
        if (Interval != DonationInterval.Monthly || !IsOwnSubscription(e.SubscriptionId))
        {
            return Effect.Unchanged;
        }

        var changed = Once(ref subscriptionId, e.SubscriptionId);
        changed |= Earliest(ref endedAt, e.Created);
        return ToEffect(changed);
    }

    private Effect OnChargeRefunded(ChargeRefunded e)
    {
        if (string.IsNullOrEmpty(e.PaymentIntentId))
        {
            return Effect.Unchanged;
        }

        var payment = payments.FirstOrDefault(p => p.PaymentIntentId == e.PaymentIntentId);
        if (payment is null)
        {
            return Effect.NotYetApplicable;
        }

        return ToEffect(payment.RecordRefund(e.AmountRefundedCents, e.FullyRefunded, e.Created));
    }

    private (Payment Payment, bool Added) CheckoutPayment(DateTimeOffset at) =>
        GetOrAddPayment(CheckoutPaymentSlot, invoiceId: null, at);

    // Payment ids derive from the donation id and the provider's identity of the payment, so re-applying an event
    // after a concurrency retry or a redelivery names the same payment (and the same receipt message) again.
    private (Payment Payment, bool Added) GetOrAddPayment(string slot, string? invoiceId, DateTimeOffset at)
    {
        var id = RandomIdGenerator.Derive(PaymentIdPrefix, Id, slot);
        var payment = payments.Find(p => p.Id == id);
        if (payment is not null)
        {
            return (payment, false);
        }

        payment = new Payment(id, invoiceId, at);
        payments.Add(payment);
        return (payment, true);
    }

    private enum Effect
    {
        Changed,
        Unchanged,
        NotYetApplicable,
    }
}
