using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Membership;

/// <summary>
/// The payment webhook's use case for members: find the member, learn the saved payment method, apply the event,
/// ask for the mails it calls for, save. Deduplication and at-least-once mails work as in
/// <see cref="HandlePaymentEvent"/>: messages are enqueued before the conditional save that records the event id.
/// <para>
/// Storage cost of the activating event: one read of the member, one index upsert for its payment intent, one
/// conditional write, two queue messages (receipt and welcome mail): five transactions. The provider is asked once
/// for the saved payment method (last four digits), which its events do not carry.
/// </para>
/// </summary>
public sealed class HandleMemberPaymentEvent(
    IMemberRepository members,
    IPaymentGateway paymentGateway,
    IReceiptMailQueue receiptMailQueue,
    IMemberMailQueue memberMailQueue)
{
    public const int MaxSaveAttempts = 5;

    /// <summary>Finds the member the event names (its id, else its payment intent) and applies the event.</summary>
    public async Task<PaymentEventHandled<MemberEvent>> ExecuteAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var memberId = await FindMemberIdAsync(paymentEvent, cancellationToken).ConfigureAwait(false);
        return memberId is null
            ? new PaymentEventHandled<MemberEvent>(null, PaymentEventOwners.WhenNotFound(paymentEvent))
            : await ExecuteAsync(paymentEvent, memberId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the event to the member with <paramref name="memberId"/> (found by the router).</summary>
    public async Task<PaymentEventHandled<MemberEvent>> ExecuteAsync(PaymentEvent paymentEvent, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        SavedPaymentMethod? method = null;
        var methodLookedUp = false;
        var enqueued = new HashSet<MemberEvent>();
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new PaymentEventHandled<MemberEvent>(null, PaymentEventOwners.WhenNotFound(paymentEvent));
            }

            var member = stored.Member;
            if (!methodLookedUp && NeedsPaymentMethod(member, paymentEvent, out var paymentIntentId))
            {
                method = await LookUpPaymentMethodAsync(paymentIntentId, cancellationToken).ConfigureAwait(false);
                methodLookedUp = true;
            }

            var result = member.Apply(paymentEvent);
            switch (result.Outcome)
            {
                case ApplyOutcome.Duplicate:
                    return new PaymentEventHandled<MemberEvent>(memberId, PaymentEventDisposition.Duplicate);
                case ApplyOutcome.NoChange:
                    return new PaymentEventHandled<MemberEvent>(memberId, PaymentEventDisposition.Unchanged);
                case ApplyOutcome.NotYetApplicable:
                    return new PaymentEventHandled<MemberEvent>(memberId, PaymentEventDisposition.RetryLater);
            }

            if (method is not null)
            {
                member.RecordPaymentMethod(method);
            }

            foreach (var raised in result.Events)
            {
                // A retry after a version conflict raises the same events again; one message each will do.
                if (enqueued.Add(raised))
                {
                    await MemberEventMessages.EnqueueAsync(raised, receiptMailQueue, memberMailQueue, cancellationToken).ConfigureAwait(false);
                }
            }

            if (await members.TrySaveAsync(member, stored.Version, result.NewReferences, cancellationToken).ConfigureAwait(false))
            {
                return new(memberId, PaymentEventDisposition.Processed, result.Events);
            }
        }

        return new PaymentEventHandled<MemberEvent>(memberId, PaymentEventDisposition.RetryLater);
    }

    private static bool NeedsPaymentMethod(Member member, PaymentEvent paymentEvent, out string paymentIntentId)
    {
        paymentIntentId = paymentEvent switch
        {
            CheckoutCompleted e => e.PaymentIntentId,
            AsyncPaymentSucceeded e => e.PaymentIntentId,
            _ => null,
        } ?? string.Empty;
        // A dues payment by link may bring a new card or mandate for the following years.
        return paymentIntentId.Length > 0
            && (member.SavedPaymentMethod is null || PaymentMetadataKeys.PeriodOf(paymentEvent) is not null)
            && !member.ProcessedEventIds.Contains(paymentEvent.EventId);
    }

    private async Task<SavedPaymentMethod?> LookUpPaymentMethodAsync(string paymentIntentId, CancellationToken cancellationToken)
    {
        try
        {
            return await paymentGateway.GetSavedPaymentMethodAsync(paymentIntentId, cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentGatewayException ex) when (!ex.IsTransient)
        {
            // Only cosmetic for the welcome mail (which then names the method without digits): never block activation.
            return null;
        }
    }

    private async Task<string?> FindMemberIdAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        if (PaymentEventOwners.Direct(paymentEvent) is { } owner)
        {
            return owner.Kind == PaymentOwnerKind.Member ? owner.Id : null;
        }

        foreach (var reference in PaymentEventOwners.References(paymentEvent).Where(r => r.Kind == PaymentReferenceKind.PaymentIntent))
        {
            var id = await members.FindIdAsync(reference, cancellationToken).ConfigureAwait(false);
            if (Member.IsWellFormedId(id))
            {
                return id;
            }
        }

        return null;
    }
}
