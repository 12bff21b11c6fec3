using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dues;

/// <summary>
/// A statement credit pays a member's dues (found by the member's reference code, or assigned by staff) through
/// <see cref="Member.ReceiveDuesTransfer"/>, the same settling path as every dues payment: the first year activates
/// the membership (receipt and welcome mail), a later period is paid (receipt mail, or its place in the
/// Sammelbestätigung as for any dues). The messages the raised events call for are enqueued before the conditional
/// save, as in every use case that settles dues.
/// <para>
/// More than the dues: the extra is recorded as a one-time donation of the member (name, e-mail and address from the
/// membership, paid by transfer on the booking day, with its own receipt), under an id derived from the statement
/// entry, so it exists once however often the entry is handled. It is written before the member, so a crash in
/// between leaves nothing half done: handling the entry again finds the donation paid and pays the dues.
/// </para>
/// Cost: one member read and one conditional write, one queue message per event; for an extra, one donation insert
/// and its payment (one read, one write, one queue message).
/// </summary>
public sealed class PayDuesByTransfer(
    IMemberRepository members,
    IReceiptMailQueue receiptMails,
    IMemberMailQueue memberMails,
    IDonationRepository donations,
    HandlePaymentEvent donationPayments,
    TimeProvider time)
{
    public const int MaxSaveAttempts = 5;

    /// <summary>The id of the member whose dues reference code is <paramref name="code"/>, or null.</summary>
    public async Task<string?> FindMemberAsync(ReferenceCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var id = await members.FindIdAsync(new PaymentReference(PaymentReferenceKind.TransferCode, code.Characters), cancellationToken)
            .ConfigureAwait(false);
        return Member.IsWellFormedId(id) ? id : null;
    }

    /// <summary>What the credit would do to the member's dues, without saving anything; null when there is no such member.</summary>
    public async Task<DuesTransferOutcome?> PreviewAsync(string memberId, DuesTransferPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return Member.IsWellFormedId(memberId) && await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false) is { } stored
            ? stored.Member.ReceiveDuesTransfer(payment, time.GetUtcNow()).Outcome
            : null;
    }

    /// <summary>What the credit did to the member's dues; null when there is no such member.</summary>
    public async Task<DuesTransferResult?> ExecuteAsync(string memberId, DuesTransferPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!Member.IsWellFormedId(memberId))
        {
            return null;
        }

        var enqueued = new HashSet<MemberEvent>();
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            if (await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return null;
            }

            var member = stored.Member;
            var now = time.GetUtcNow();
            var result = member.ReceiveDuesTransfer(payment, now);
            if (result.Outcome != DuesTransferOutcome.Settled)
            {
                return result;
            }

            string? extraId = null;
            if (result.ExtraCents > 0)
            {
                extraId = await RecordExtraDonationAsync(member, payment, result.ExtraCents, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var raised in result.RaisedEvents.Where(enqueued.Add))
            {
                await MemberEventMessages.EnqueueAsync(raised, receiptMails, memberMails, cancellationToken).ConfigureAwait(false);
            }

            if (await members.TrySaveAsync(member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                return result with { ExtraDonationId = extraId };
            }
        }

        throw new InvalidOperationException("The membership kept changing while a transfer paid its dues; the entry can be handled again.");
    }

    /// <summary>The id of the donation an extra of the statement entry <paramref name="eventId"/> becomes.</summary>
    public static string ExtraDonationId(string eventId) => RandomIdGenerator.Derive(Donation.IdPrefix, "dues-extra", eventId);

    private async Task<string> RecordExtraDonationAsync(
        Member member, DuesTransferPayment payment, long extraCents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = ExtraDonationId(payment.EventId);
        var request = new DonationRequest(
            extraCents,
            DonationInterval.Once,
            PaymentMethodKind.BankTransfer,
            new ContactDetails(member.Name, member.Email, member.Address),
            WantsReceipt: true,
            member.Locale);
        if (await donations.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            await donations.TryAddAsync(Donation.Create(id, request, now), cancellationToken).ConfigureAwait(false);
        }

        var paidAt = new DateTimeOffset(payment.PaidOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        await donationPayments.ExecuteAsync(
            new BankTransferAssigned(payment.EventId, paidAt < now ? paidAt : now, new Dictionary<string, string>(), extraCents), id, cancellationToken)
            .ConfigureAwait(false);
        return id;
    }
}
