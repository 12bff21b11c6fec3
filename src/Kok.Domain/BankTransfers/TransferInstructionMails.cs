using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The mail a donor who chose bank transfer gets at once, in German or English: the association's account, the amount
/// and the reference code to write into the transfer. Rides the receipt-mail queue (the one queue of donor mails) and
/// goes out at most once per donation through the <see cref="MailDispatcher"/>; not at all when the money arrived
/// first, nor when transfers are no longer offered (no account to name).
/// </summary>
internal sealed class TransferInstructionMails(OrganisationProfile organisation, BankTransferSettings transfers, MailDispatcher mailer)
{
    private readonly TransferMailComposer composer = new(organisation);

    public async Task<ReceiptMailResult> SendAsync(ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        if (payment.TransferCode is not { } code || transfers.Account is not { } account || payment.State != ReceiptPaymentState.Unknown)
        {
            return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
        }

        var key = new MailLogKey(MailKind.TransferInstructions, payment.Key.Value);
        var message = composer.Instructions(payment.Recipient, payment.Language, account, payment.AskedAmountCents, code);
        var dispatch = await mailer.SendOnceAsync(key, _ => Task.FromResult(PreparedMail.Send(message)), cancellationToken).ConfigureAwait(false);
        return SendReceiptMail.Result(dispatch, key.Kind);
    }
}
