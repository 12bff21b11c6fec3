using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Donations;

/// <summary>
/// The payment webhook's use case: find the donation, apply the event, save, and ask for a receipt mail for each
/// payment that became paid or was refunded in full.
/// <para>
/// Deduplication lives in the donation itself: it remembers the ids of the events that changed it and is saved
/// together with them in one conditional write, so "recorded as processed" and "processed" cannot drift apart after
/// a crash, and a duplicate costs one read and no write. Events that change nothing are not recorded; applying them
/// again changes nothing again.
/// </para>
/// <para>
/// Receipt mails are at least once: the message is enqueued before the save, so a crash after enqueueing makes the
/// provider redeliver, the event is applied again and the same message (same derived payment id) is enqueued again.
/// Enqueueing after the save instead could lose the message for good, since the redelivered event would then be a
/// duplicate. The receipt mailer therefore acts at most once per payment id and checks that the payment is paid.
/// </para>
/// Storage cost for one event: one read (plus one index read for a refund), one conditional write when something
/// changed, one index upsert for a newly seen payment intent or subscription, one queue message per payment that became
/// paid or was refunded in full.
/// </summary>
public sealed class HandlePaymentEvent(IDonationRepository donations, IReceiptMailQueue receiptMailQueue)
{
    public const int MaxSaveAttempts = 5;

    /// <summary>Finds the donation the event names (its id, else its provider references) and applies the event.</summary>
    public async Task<PaymentEventHandled<DonationEvent>> ExecuteAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var donationId = await FindDonationIdAsync(paymentEvent, cancellationToken).ConfigureAwait(false);
        return donationId is null
            ? new PaymentEventHandled<DonationEvent>(null, PaymentEventOwners.WhenNotFound(paymentEvent))
            : await ExecuteAsync(paymentEvent, donationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the event to the donation with <paramref name="donationId"/> (found by the router).</summary>
    public async Task<PaymentEventHandled<DonationEvent>> ExecuteAsync(PaymentEvent paymentEvent, string donationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var enqueued = new HashSet<ReceiptMailRequest>();
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new PaymentEventHandled<DonationEvent>(null, PaymentEventOwners.WhenNotFound(paymentEvent));
            }

            var result = stored.Donation.Apply(paymentEvent);
            switch (result.Outcome)
            {
                case ApplyOutcome.Duplicate:
                    return new PaymentEventHandled<DonationEvent>(donationId, PaymentEventDisposition.Duplicate);
                case ApplyOutcome.NoChange:
                    return new PaymentEventHandled<DonationEvent>(donationId, PaymentEventDisposition.Unchanged);
                case ApplyOutcome.NotYetApplicable:
                    return new PaymentEventHandled<DonationEvent>(donationId, PaymentEventDisposition.RetryLater);
            }

            foreach (var request in ReceiptMailRequests(stored.Donation, result.Events))
            {
                // A retry after a version conflict may see the same payment change again; one message will do.
                if (enqueued.Add(request))
                {
                    await receiptMailQueue.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
                }
            }

            var saved = await donations
                .TrySaveAsync(stored.Donation, stored.Version, result.NewReferences, cancellationToken)
                .ConfigureAwait(false);
            if (saved)
            {
                return new(donationId, PaymentEventDisposition.Processed, result.Events);
            }
        }

        // The donation kept changing under us: the provider delivers the event again later.
        return new PaymentEventHandled<DonationEvent>(donationId, PaymentEventDisposition.RetryLater);
    }

    /// <summary>
    /// A paid payment asks for its thank-you (and receipt); a full refund, and a payment the bank took back (returned
    /// or disputed), for the withdrawal of its receipt, if one was issued, by the one refund path
    /// (<see cref="ReceiptMailPurpose.Refunded"/>). A partial refund leaves the payment paid and its receipt as issued;
    /// correcting that receipt is staff work for now. A failed monthly payment asks for its mail, and so does the end
    /// of a monthly donation (the mailer sends the last mail only when it ended for failed payments).
    /// </summary>
    private static IEnumerable<ReceiptMailRequest> ReceiptMailRequests(Donation donation, IEnumerable<DonationEvent> events)
    {
        var donationId = donation.Id;
        foreach (var donationEvent in events)
        {
            switch (donationEvent)
            {
                case PaymentBecamePaid paid:
                    yield return new ReceiptMailRequest(ReceiptSubjectKind.Donation, donationId, paid.PaymentId);
                    break;
                case PaymentRefunded { Fully: true } refunded:
                    yield return new ReceiptMailRequest(
                        ReceiptSubjectKind.Donation, donationId, refunded.PaymentId, ReceiptMailPurpose.Refunded);
                    break;
                case PaymentTakenBack takenBack:
                    yield return new ReceiptMailRequest(
                        ReceiptSubjectKind.Donation, donationId, takenBack.PaymentId, ReceiptMailPurpose.Refunded);
                    break;
                case MonthlyPaymentFailed failed:
                    yield return new ReceiptMailRequest(
                        ReceiptSubjectKind.Donation, donationId, failed.PaymentId, ReceiptMailPurpose.MonthlyPaymentFailed);
                    break;
                case RecurringDonationEnded { Reason: SubscriptionEndReason.PaymentFailed }:
                    yield return new ReceiptMailRequest(
                        ReceiptSubjectKind.Donation, donationId, donation.EndNoticeId, ReceiptMailPurpose.MonthlyDonationEnded);
                    break;
            }
        }
    }

    private async Task<string?> FindDonationIdAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        if (PaymentEventOwners.Direct(paymentEvent) is { } owner)
        {
            return owner.Kind == PaymentOwnerKind.Donation ? owner.Id : null;
        }

        foreach (var reference in PaymentEventOwners.References(paymentEvent))
        {
            var id = await donations.FindIdAsync(reference, cancellationToken).ConfigureAwait(false);
            if (Donation.IsWellFormedId(id))
            {
                return id;
            }
        }

        return null;
    }
}
