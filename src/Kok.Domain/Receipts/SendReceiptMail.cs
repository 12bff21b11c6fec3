using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// The receipt mailer's use case, run for each <see cref="ReceiptMailRequest"/> from the <c>receipt-mail</c> queue.
/// <para>
/// Paid: load the payment from its subject's source and re-check it (the message is enqueued before the payment's
/// new state is saved, so "not paid yet" is retried, not ignored); failed or meanwhile refunded payments get no
/// thanks. The subject's rules pick the mail: one-time donation → thank-you, with a Zuwendungsbestätigung when the
/// supporter wants one and gave an address; first payment of a monthly donation → thank-you (its receipts come as a
/// yearly Sammelbestätigung); later monthly payments → nothing; membership dues → mail with a Mitgliedsbeitrag
/// receipt. The mail goes through <see cref="MailDispatcher"/>, so it is sent at most once per payment; the receipt
/// is issued inside that step by the idempotent register, so however often the step is retried the payment keeps
/// one number, and the archived PDF (write-once) is the one attached.
/// </para>
/// <para>
/// Refunded: mark the payment's receipt withdrawn (its number stays taken), archive a copy marked void next to the
/// original, and tell the supporter if the receipt mail may have reached them.
/// </para>
/// Transient failures (storage, mail service 429/5xx, payment not settled, receipts unavailable) surface as
/// exceptions so the queue retries and finally parks the message in the poison queue.
/// </summary>
public sealed class SendReceiptMail(
    IEnumerable<IReceiptSubjectSource> sources,
    IReceiptRegister register,
    IReceiptArchive archive,
    IReceiptRenderer renderer,
    ReceiptMailComposer composer,
    OrganisationProfile organisation,
    MailDispatcher mailer,
    IMailLog mailLog,
    TimeProvider time)
{
    private readonly IReadOnlyList<IReceiptSubjectSource> sources = sources.ToList();

    public async Task<ReceiptMailResult> ExecuteAsync(ReceiptMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = sources.FirstOrDefault(s => s.Kind == request.SubjectKind);
        var payment = source is null
            ? null
            : await source.LoadAsync(request.SubjectId, request.PaymentId, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            return new ReceiptMailResult(ReceiptMailOutcome.SubjectNotFound);
        }

        return request.Purpose switch
        {
            ReceiptMailPurpose.Paid => await ThankAsync(payment, cancellationToken).ConfigureAwait(false),
            ReceiptMailPurpose.Refunded => await WithdrawAsync(payment, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Purpose, "Unknown purpose."),
        };
    }

    private static MailKind PaidMailKind(PaidPaymentMail mail) => mail switch
    {
        PaidPaymentMail.OneTimeDonation => MailKind.DonationThankYou,
        PaidPaymentMail.MonthlyDonationStart => MailKind.MonthlyDonationThankYou,
        PaidPaymentMail.MembershipFee => MailKind.MembershipFeeReceipt,
        _ => throw new ArgumentOutOfRangeException(nameof(mail), mail, "No mail."),
    };

    /// <summary>The receipt the paid mail carries, if any.</summary>
    private static ReceiptKind? DueReceipt(ReceiptSubjectPayment payment) => payment.PaidMail switch
    {
        PaidPaymentMail.MembershipFee => ReceiptKind.MembershipFee,
        PaidPaymentMail.OneTimeDonation when payment.WantsReceipt && payment.ReceiptAddressLines.Count > 0 => ReceiptKind.Donation,
        _ => null,
    };

    private static ReceiptMailResult Result(MailDispatch dispatch, MailKind kind) => new(
        dispatch.Outcome switch
        {
            MailDispatchOutcome.Sent => ReceiptMailOutcome.Sent,
            MailDispatchOutcome.Rejected => ReceiptMailOutcome.Rejected,
            MailDispatchOutcome.Skipped => ReceiptMailOutcome.Skipped,
            _ => ReceiptMailOutcome.AlreadyHandled,
        },
        kind,
        dispatch.Entry.ReceiptNumber);

    private async Task<ReceiptMailResult> ThankAsync(ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        switch (payment.State)
        {
            case ReceiptPaymentState.Unknown:
            case ReceiptPaymentState.Pending:
                throw new PaymentNotSettledException("The payment is not saved as paid yet.");
            case ReceiptPaymentState.Failed:
                return new ReceiptMailResult(ReceiptMailOutcome.PaymentFailed);
            case ReceiptPaymentState.Refunded:
                return new ReceiptMailResult(ReceiptMailOutcome.PaymentRefunded);
        }

        if (payment.PaidMail == PaidPaymentMail.None)
        {
            return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
        }

        var kind = PaidMailKind(payment.PaidMail);
        var dispatch = await mailer.SendOnceAsync(
            new MailLogKey(kind, payment.PaidMailSubjectId),
            ct => PrepareThanksAsync(payment, ct),
            cancellationToken).ConfigureAwait(false);
        return Result(dispatch, kind);
    }

    private async Task<PreparedMail> PrepareThanksAsync(ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        var paidOn = payment.PaidOn ?? throw new InvalidOperationException("A paid payment has a payment date.");
        var receiptKind = DueReceipt(payment);
        if (receiptKind is null)
        {
            return PreparedMail.Send(payment.PaidMail == PaidPaymentMail.MonthlyDonationStart
                ? composer.MonthlyDonationThankYou(payment.Recipient, payment.Language, payment.AmountCents, paidOn)
                : composer.OneTimeDonationThankYou(payment.Recipient, payment.Language, payment.AmountCents, paidOn));
        }

        var receipt = await IssueAsync(payment, receiptKind.Value, paidOn, cancellationToken).ConfigureAwait(false);
        if (receipt.Document.IsWithdrawn)
        {
            return PreparedMail.Skip("The receipt was withdrawn (payment refunded) before its mail was sent.", receipt.Document.Number);
        }

        if (receipt.Document.Form != ReceiptForm.Einzelbestaetigung)
        {
            return PreparedMail.Skip("The payment is confirmed in a Sammelbestätigung.", receipt.Document.Number);
        }

        var message = receiptKind == ReceiptKind.MembershipFee
            ? composer.MembershipFeeReceived(payment.Recipient, payment.Language, receipt)
            : composer.OneTimeDonationThankYou(payment.Recipient, payment.Language, receipt);
        return PreparedMail.Send(message, receipt.Document.Number);
    }

    private async Task<RenderedReceipt> IssueAsync(
        ReceiptSubjectPayment payment,
        ReceiptKind kind,
        DateOnly paidOn,
        CancellationToken cancellationToken)
    {
        var today = GermanTime.Today(time);
        var issueDate = today < paidOn ? paidOn : today;

        // Freezing today's organisation data refuses (ReceiptsUnavailableException) while § 63 Abs. 5 AO or missing
        // settings forbid a receipt dated issueDate, before a number is taken.
        var request = new ReceiptIssueRequest(payment.Key, kind, payment.ReceiptName, payment.ReceiptAddressLines, payment.AmountCents, paidOn, issueDate)
        {
            Issuer = organisation,
        };
        var issued = await register.IssueAsync(request, cancellationToken).ConfigureAwait(false);

        // Already confirmed in a Sammelbestätigung (the annual run came first): that receipt goes out on its own.
        if (issued.Document.IsWithdrawn || issued.Document.Form != ReceiptForm.Einzelbestaetigung)
        {
            return new RenderedReceipt(issued.Document, []);
        }

        var rendered = renderer.Render(issued.Document, organisation);
        var archived = await archive.StoreOnceAsync(issued.Number, ReceiptCopy.Original, rendered, cancellationToken)
            .ConfigureAwait(false);
        return new RenderedReceipt(issued.Document, archived);
    }

    private async Task<ReceiptMailResult> WithdrawAsync(ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        switch (payment.State)
        {
            case ReceiptPaymentState.Unknown:
            case ReceiptPaymentState.Pending:
            case ReceiptPaymentState.Paid:
                throw new PaymentNotSettledException("The refund is not saved yet.");
            case ReceiptPaymentState.Failed:
                return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
        }

        var withdrawn = await register.MarkWithdrawnAsync(payment.Key, GermanTime.Today(time), cancellationToken).ConfigureAwait(false);
        if (withdrawn is null)
        {
            return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
        }

        // The void copy sits next to the original, so the archive alone shows what happened to the number.
        await archive.StoreOnceAsync(
            withdrawn.Number,
            ReceiptCopy.Withdrawn,
            renderer.Render(withdrawn.Document, organisation),
            cancellationToken).ConfigureAwait(false);

        if (!await ReceiptMailMayHaveArrivedAsync(payment, cancellationToken).ConfigureAwait(false))
        {
            return new ReceiptMailResult(ReceiptMailOutcome.Withdrawn, null, withdrawn.Number);
        }

        var dispatch = await mailer.SendOnceAsync(
            new MailLogKey(MailKind.ReceiptWithdrawn, payment.Key.Value),
            _ => Task.FromResult(PreparedMail.Send(
                composer.ReceiptWithdrawn(payment.Recipient, payment.Language, withdrawn.Document),
                withdrawn.Number)),
            cancellationToken).ConfigureAwait(false);
        return Result(dispatch, MailKind.ReceiptWithdrawn);
    }

    /// <summary>
    /// Sent, or pending (a crash may have sent it): the supporter may hold the receipt and must hear it is void. Not
    /// when the mail service refused it or it was dropped.
    /// </summary>
    private async Task<bool> ReceiptMailMayHaveArrivedAsync(ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        if (payment.PaidMail is not (PaidPaymentMail.OneTimeDonation or PaidPaymentMail.MembershipFee))
        {
            return true;
        }

        var entry = await mailLog.GetAsync(new MailLogKey(PaidMailKind(payment.PaidMail), payment.PaidMailSubjectId), cancellationToken)
            .ConfigureAwait(false);
        return entry is not null && entry.State != MailLogState.Failed;
    }
}
