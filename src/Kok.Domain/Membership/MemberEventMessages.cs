using Kok.Domain.Receipts;

namespace Kok.Domain.Membership;

/// <summary>
/// The queue messages a <see cref="MemberEvent"/> calls for, in one place for every use case that raises them
/// (payment webhook, dues charge): paid dues → receipt mail; activation → receipt and welcome mail; failures → the
/// member mail that says how to pay.
/// </summary>
public static class MemberEventMessages
{
    public static async Task EnqueueAsync(
        MemberEvent raised,
        IReceiptMailQueue receiptMails,
        IMemberMailQueue memberMails,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raised);
        ArgumentNullException.ThrowIfNull(receiptMails);
        ArgumentNullException.ThrowIfNull(memberMails);
        switch (raised)
        {
            case MemberActivated activated:
                await receiptMails.EnqueueAsync(
                    new ReceiptMailRequest(ReceiptSubjectKind.Membership, activated.MemberId, activated.PaymentId),
                    cancellationToken).ConfigureAwait(false);
                await memberMails.EnqueueAsync(
                    new MemberMailRequest(MemberMailKind.Welcome, activated.MemberId), cancellationToken).ConfigureAwait(false);
                break;
            case FirstPaymentFailed failed:
                await memberMails.EnqueueAsync(
                    new MemberMailRequest(MemberMailKind.FirstPaymentFailed, failed.MemberId), cancellationToken).ConfigureAwait(false);
                break;
            case DuesPaid paid:
                await receiptMails.EnqueueAsync(
                    new ReceiptMailRequest(ReceiptSubjectKind.Membership, paid.MemberId, paid.PaymentId), cancellationToken).ConfigureAwait(false);
                break;
            case DuesPaymentTakenBack takenBack:
                // The refund's path: the receipt is withdrawn as for a refund, with wording for a return.
                await receiptMails.EnqueueAsync(
                    new ReceiptMailRequest(ReceiptSubjectKind.Membership, takenBack.MemberId, takenBack.PaymentId, ReceiptMailPurpose.Refunded),
                    cancellationToken).ConfigureAwait(false);
                break;
            case DuesChargeFailed failed:
                await memberMails.EnqueueAsync(
                    MemberMailRequest.ForPeriod(MemberMailKind.DuesChargeFailed, failed.MemberId, failed.PeriodStart) with
                    {
                        TakenBackPaymentId = failed.TakenBackPaymentId,
                    },
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
