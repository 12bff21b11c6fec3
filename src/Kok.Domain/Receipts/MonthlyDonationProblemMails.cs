using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// The receipt mailer's part for monthly donations whose payments fail: one mail per failed payment, and a last one
/// when the donation ended for that reason. They ride the receipt-mail queue, the one queue of donor mails, and go
/// out at most once each through the <see cref="MailDispatcher"/> (keyed by payment, and by donation for the last).
/// </summary>
internal sealed class MonthlyDonationProblemMails(PaymentProblemMailComposer composer, MailDispatcher mailer)
{
    public async Task<ReceiptMailResult> SendAsync(ReceiptMailPurpose purpose, ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        if (purpose == ReceiptMailPurpose.MonthlyDonationEnded)
        {
            if (!payment.Ended)
            {
                // The webhook sends this message before it saves the end (ADR 0003): it came first.
                throw new PaymentNotSettledException("The end of the monthly donation is not saved yet.");
            }

            if (!payment.EndedForFailedPayments)
            {
                return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
            }

            return await SendAsync(
                new MailLogKey(MailKind.MonthlyDonationEnded, payment.PaidMailSubjectId),
                composer.MonthlyDonationEnded(payment.Recipient, payment.Language),
                cancellationToken).ConfigureAwait(false);
        }

        switch (payment.State)
        {
            case ReceiptPaymentState.Unknown:
                throw new PaymentNotSettledException("The failed payment is not saved yet.");
            case not ReceiptPaymentState.Failed:
                // Paid meanwhile (a retry went through), or never failed: nothing to tell.
                return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
        }

        return await SendAsync(
            new MailLogKey(MailKind.MonthlyPaymentFailed, payment.Key.Value),
            composer.MonthlyPaymentFailed(payment.Recipient, payment.Language, payment.AmountCents, payment.FailureCode),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReceiptMailResult> SendAsync(MailLogKey key, MailMessage message, CancellationToken cancellationToken)
    {
        var dispatch = await mailer.SendOnceAsync(key, _ => Task.FromResult(PreparedMail.Send(message)), cancellationToken).ConfigureAwait(false);
        return new ReceiptMailResult(
            dispatch.Outcome switch
            {
                MailDispatchOutcome.Sent => ReceiptMailOutcome.Sent,
                MailDispatchOutcome.Rejected => ReceiptMailOutcome.Rejected,
                _ => ReceiptMailOutcome.AlreadyHandled,
            },
            key.Kind);
    }
}
