using Kok.Domain.Common;
using Kok.Domain.Donations;

namespace Kok.Domain.Payments;

/// <summary>
/// The payments of one donation or member and the provider events that changed them. It exists so the convergence
/// rules of provider events live in one place for both: an event is counted once (its id is saved with the
/// aggregate, so dedupe is atomic), a payment is named by an id derived from its owner and the provider's identity
/// of it (a redelivered event finds the same payment), its facts only move one way, and a refund of a payment not
/// known yet waits for the provider's retry. What an event means for the owner (dues periods, subscriptions, status)
/// stays with the owner.
/// </summary>
public sealed class PaymentLedger
{
    /// <summary>The prefix of every payment id.</summary>
    public const string PaymentIdPrefix = "pay";

    private readonly List<Payment> payments = [];
    private readonly SortedSet<string> processedEventIds = new(StringComparer.Ordinal);

    /// <param name="ownerId">The id of the donation or member; payment ids derive from it.</param>
    public PaymentLedger(string ownerId) => OwnerId = ownerId;

    public string OwnerId { get; }

    /// <summary>Payments in the order the provider reported them.</summary>
    public IReadOnlyList<Payment> Payments =>
        payments.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    /// <summary>Ids of the provider events that changed the owner.</summary>
    public IReadOnlyCollection<string> ProcessedEventIds => processedEventIds;

    /// <summary>A <see cref="PaymentReferenceKind.PaymentIntent"/> reference for each payment whose intent is known.</summary>
    public IReadOnlyList<PaymentReference> IntentReferences =>
        payments.Where(p => p.PaymentIntentId is not null)
            .Select(p => new PaymentReference(PaymentReferenceKind.PaymentIntent, p.PaymentIntentId!))
            .ToList();

    /// <summary>
    /// An <see cref="PaymentReferenceKind.Invoice"/> reference for each payment of a subscription invoice whose intent
    /// is not known yet: only the invoice's payment event, which names the intent, needs it (one index row less for
    /// an invoice that named its intent itself, as before API version "basil").
    /// </summary>
    public IReadOnlyList<PaymentReference> InvoiceReferences =>
        payments.Where(p => p.InvoiceId is not null && p.PaymentIntentId is null)
            .Select(p => new PaymentReference(PaymentReferenceKind.Invoice, p.InvoiceId!))
            .ToList();

    /// <summary>Loads saved state into an empty ledger (see <see cref="PaymentSnapshots"/>).</summary>
    public void Restore(IEnumerable<PaymentSnapshot> savedPayments, IEnumerable<string> savedProcessedEventIds)
    {
        ArgumentNullException.ThrowIfNull(savedPayments);
        ArgumentNullException.ThrowIfNull(savedProcessedEventIds);
        if (payments.Count > 0 || processedEventIds.Count > 0)
        {
            throw new InvalidOperationException("Only an empty ledger can be restored.");
        }

        payments.AddRange(savedPayments.Select(Payment.FromSnapshot));
        processedEventIds.UnionWith(savedProcessedEventIds);
    }

    /// <summary>The payments to save, in <see cref="Payments"/> order.</summary>
    public IReadOnlyList<PaymentSnapshot> PaymentSnapshots() => Payments.Select(p => p.ToSnapshot()).ToList();

    /// <summary>The processed event ids to save, in ordinal order.</summary>
    public IReadOnlyList<string> ProcessedEventIdSnapshot() => processedEventIds.ToList();

    public bool HasProcessed(string eventId) => processedEventIds.Contains(eventId);

    /// <summary>Remembers an event that changed the owner, so its redelivery is recognised.</summary>
    public void MarkProcessed(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        processedEventIds.Add(eventId);
    }

    /// <summary>
    /// The id of the owner's payment in <paramref name="slot"/> (e.g. "checkout", "invoice/in_1"): derived, so
    /// re-applying an event after a concurrency retry or a redelivery names the same payment (and receipt) again.
    /// </summary>
    public string PaymentIdFor(string slot) => RandomIdGenerator.Derive(PaymentIdPrefix, OwnerId, slot);

    public Payment? Find(string paymentId) => payments.Find(p => p.Id == paymentId);

    public Payment? FindByIntent(string paymentIntentId) => payments.Find(p => p.PaymentIntentId == paymentIntentId);

    /// <summary>The payment with <paramref name="paymentId"/>, added (first reported at <paramref name="at"/>) if new.</summary>
    public (Payment Payment, bool Added) GetOrAdd(string paymentId, string? invoiceId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        var payment = Find(paymentId);
        if (payment is not null)
        {
            return (payment, false);
        }

        payment = new Payment(paymentId, invoiceId, at);
        payments.Add(payment);
        return (payment, true);
    }

    /// <summary>
    /// The provider reported payment <paramref name="paymentId"/> (added if new) with the <paramref name="report"/>'s
    /// amount and intent at its time, as <see cref="PaymentStatus.Paid"/>, <see cref="PaymentStatus.Failed"/> or still
    /// <see cref="PaymentStatus.Processing"/>. Refunds go through <see cref="ApplyRefund"/>. Changed is true if
    /// anything was learnt.
    /// </summary>
    public (Payment Payment, bool Changed) Record(string paymentId, string? invoiceId, PaymentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (amountCents, paymentIntentId, reported, at) = report;
        if (reported == PaymentStatus.Refunded)
        {
            throw new ArgumentOutOfRangeException(nameof(report), reported, "Refunds are applied with ApplyRefund.");
        }

        var (payment, added) = GetOrAdd(paymentId, invoiceId, at);
        var changed = added | payment.Observe(amountCents, paymentIntentId, at);
        changed |= reported switch
        {
            PaymentStatus.Paid => payment.MarkPaid(at),
            PaymentStatus.Failed => payment.MarkFailed(at),
            _ => false,
        };
        return (payment, changed);
    }

    /// <summary>
    /// Money of a payment was paid back. Charges carry no metadata, so the payment is found by its intent; one not
    /// known yet cannot be merged early and is <see cref="ApplyOutcome.NotYetApplicable"/>.
    /// </summary>
    public ApplyOutcome ApplyRefund(ChargeRefunded refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (string.IsNullOrEmpty(refund.PaymentIntentId))
        {
            return ApplyOutcome.NoChange;
        }

        if (FindByIntent(refund.PaymentIntentId) is not { } payment)
        {
            return ApplyOutcome.NotYetApplicable;
        }

        return ConvergentFacts.ToOutcome(payment.RecordRefund(refund.AmountRefundedCents, refund.FullyRefunded, refund.Created));
    }

    /// <summary>
    /// A dispute of one of the payments (opened, funds withdrawn or reinstated, closed): its snapshot is merged into the
    /// payment found by intent. Like a refund, a dispute of a payment not known yet waits for the provider's retry.
    /// </summary>
    public ApplyOutcome ApplyDispute(DisputeEvent disputeEvent)
    {
        ArgumentNullException.ThrowIfNull(disputeEvent);
        if (string.IsNullOrEmpty(disputeEvent.Dispute.PaymentIntentId))
        {
            return ApplyOutcome.NoChange;
        }

        if (FindByIntent(disputeEvent.Dispute.PaymentIntentId) is not { } payment)
        {
            return ApplyOutcome.NotYetApplicable;
        }

        return ConvergentFacts.ToOutcome(payment.RecordDispute(disputeEvent.Dispute, disputeEvent.Created));
    }

    /// <summary>
    /// A charge of one of the payments failed: after the payment was paid that is a return, before it an attempt that
    /// failed (see <see cref="Payment.ReturnedByBank"/>). The owner was found by this intent, so a payment not known
    /// yet means the event overtook the one that records it: it waits, as a refund does. (A card declined at checkout
    /// never gets here: its intent is in no index, and the webhook ignores it.)
    /// </summary>
    public ApplyOutcome ApplyChargeFailed(ChargeFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (string.IsNullOrEmpty(failed.PaymentIntentId))
        {
            return ApplyOutcome.NoChange;
        }

        return FindByIntent(failed.PaymentIntentId) is { } payment
            ? ConvergentFacts.ToOutcome(payment.MarkChargeFailed(failed.Created, failed.FailureCode, failed.MandateId))
            : ApplyOutcome.NotYetApplicable;
    }
}
