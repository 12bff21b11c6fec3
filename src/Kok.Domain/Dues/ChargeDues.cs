using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dues;

/// <summary>
/// The <c>dues-charge</c> consumer: charges one member's dues for one period off-session and records the answer.
/// <para>
/// Never twice: the provider call carries an idempotency key derived from member and period, and the dues entry
/// saved with the member says whether the period was charged already, so a redelivered message or a rerun of the
/// dues run ends in <see cref="DuesChargeOutcome.AlreadyHandled"/>. The message may overtake the save of the run that
/// sent it; the entry is then created here, the same one the run would have saved.
/// </para>
/// Follow-up messages (receipt when paid, pay-link mail when failed) are enqueued before the save, as everywhere.
/// </summary>
public sealed class ChargeDues(
    IMemberRepository members,
    IPaymentGateway paymentGateway,
    IReceiptMailQueue receiptMails,
    IMemberMailQueue memberMails,
    TimeProvider timeProvider)
{
    public const int MaxSaveAttempts = 5;

    public async Task<DuesChargeHandled> ExecuteAsync(DuesChargeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        DuesChargeResult? answer = null;
        var enqueued = new HashSet<MemberEvent>();
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = Member.IsWellFormedId(message.MemberId)
                ? await members.GetAsync(message.MemberId, cancellationToken).ConfigureAwait(false)
                : null;
            if (stored?.Member is not { } member)
            {
                return new(DuesChargeOutcome.NotChargeable) { MemberNotFound = true };
            }

            var now = timeProvider.GetUtcNow();
            var entry = member.DuesEntryFor(message.PeriodStart)
                ?? (member.CurrentDuesPeriod?.Start == message.PeriodStart ? member.RequestDuesCharge(AssociationCalendar.Date(now)) : null);
            if (entry is null)
            {
                return new(DuesChargeOutcome.NotChargeable);
            }

            if (entry.Status != DuesEntryStatus.Pending)
            {
                return new(DuesChargeOutcome.AlreadyHandled);
            }

            if (answer is null)
            {
                if (member.Status is not MembershipStatus.Active)
                {
                    // Cancelled (or settled some other way) after the charge was asked for: no dues are taken.
                    return new(DuesChargeOutcome.NotChargeable);
                }

                try
                {
                    answer = await ChargeAsync(member, entry, cancellationToken).ConfigureAwait(false);
                }
                catch (PaymentGatewayException ex) when (ex.IsTransient && ex.RetryAfter is { } retryAfter)
                {
                    return new(DuesChargeOutcome.RateLimited, retryAfter);
                }
            }

            var referencesBefore = member.References.ToHashSet();
            var events = member.RecordDuesCharge(entry.PeriodStart, answer, now);
            foreach (var raised in events.Where(enqueued.Add))
            {
                await MemberEventMessages.EnqueueAsync(raised, receiptMails, memberMails, cancellationToken).ConfigureAwait(false);
            }

            var newReferences = member.References.Where(r => !referencesBefore.Contains(r)).ToList();
            if (await members.TrySaveAsync(member, stored.Version, newReferences, cancellationToken).ConfigureAwait(false))
            {
                return new(answer.Status switch
                {
                    DuesChargeStatus.Succeeded => DuesChargeOutcome.Paid,
                    DuesChargeStatus.Processing => DuesChargeOutcome.Processing,
                    _ => DuesChargeOutcome.Failed,
                });
            }
        }

        // The member kept changing under us (webhooks for this very payment): let the queue bring the message again;
        // the idempotency key makes the provider answer the same.
        throw new InvalidOperationException($"Could not save the dues charge of {message.MemberId} after {MaxSaveAttempts} attempts.");
    }

    private async Task<DuesChargeResult> ChargeAsync(Member member, DuesEntry entry, CancellationToken cancellationToken)
    {
        if (member.SavedPaymentMethod is not { } saved || (saved.CustomerId ?? member.CustomerId) is not { } customerId)
        {
            return new DuesChargeResult(DuesChargeStatus.Failed, null, "no_saved_payment_method");
        }

        if (member.OffSessionChargesStopped)
        {
            // The bank returned this mandate's debits twice: the member gets the pay link instead (as for a decline).
            return new DuesChargeResult(DuesChargeStatus.Failed, null, "off_session_stopped");
        }

        try
        {
            return await paymentGateway.ChargeDuesAsync(
                DuesChargeRequest.ForPeriod(member.Id, entry.PeriodStart, entry.AmountCents, saved with { CustomerId = customerId }),
                cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentGatewayException ex) when (!ex.IsTransient)
        {
            // Refused for good (e.g. the saved method was detached): the member can still pay by link.
            return new DuesChargeResult(DuesChargeStatus.Failed, null, "provider_refused");
        }
    }
}
