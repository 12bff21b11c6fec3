using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// The receipt mailer's use case, run for each <see cref="ReceiptMailRequest"/> from the <c>receipt-mail</c> queue.
/// <para>
/// Paid: load the payment from its subject's source and re-check it (the message is enqueued before the payment's
/// new state is saved, so "not paid yet" is retried, not ignored; so is "failed" where the provider retries failed
/// payments, as for monthly donations, since a retry that went through is saved after its message); failed or
/// meanwhile refunded payments get no thanks. The subject's rules pick the mail: one-time donation → thank-you,
/// with a Zuwendungsbestätigung when the supporter wants one and gave an address; first payment of a monthly
/// donation → thank-you (its receipts come as a yearly Sammelbestätigung); later monthly payments → nothing;
/// membership dues → mail with a Mitgliedsbeitrag receipt. The mail goes through <see cref="MailDispatcher"/>, so it
/// is sent at most once per payment; the receipt is issued inside that step by the idempotent register, so however
/// often the step is retried the payment keeps one number, and the archived PDF (write-once) is the one attached.
/// </para>
/// <para>
/// Refunded in full, or taken back by the payer's bank (a returned debit, a dispute: <see cref="ReceiptPaymentState.Returned"/>,
/// the very same path with its own wording): the same mails whatever the order of the payment event, the refund event and the two messages.
/// What counts is one fact, settled in the mail log: was the refund saved before the thank-you went out? No
/// Zuwendungsbestätigung (German tax receipt) may confirm money that was given back, and a number once issued is
/// withdrawn, never deleted; so
/// <list type="bullet">
/// <item>refund first: the thank-you is closed unsent (logged as failed with the reason), no receipt number is
/// taken, and the donor gets no mail: nothing was kept to thank for or to confirm, and the refund reaches them as
/// such from the payment provider;</item>
/// <item>thank-you first (or possibly sent by a worker that crashed): the receipt is marked withdrawn (its number
/// stays taken), a copy marked void is archived next to the original, and the donor gets the "storniert" mail.</item>
/// </list>
/// The refund request settles the fact: if the thank-you is still open it closes it, and while another worker is
/// sending it, it waits for the outcome (not yet), so the two can never cross (a receipt sent after its withdrawal,
/// a withdrawal mail for a receipt never sent, a receipt never withdrawn).
/// </para>
/// A request that overtook the save it is about, or a mail another worker is sending, is "not yet"
/// (<see cref="Common.NotYetException"/>): the queue function puts it back for later. Other transient failures
/// (storage, mail service 429/5xx, receipts unavailable) surface as exceptions so the queue retries and finally parks
/// the message in the poison queue.
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
    TimeProvider time,
    PaymentNoLongerCounts? noLongerCounts = null,
    PublicPageLinks? publicPages = null,
    BankTransfers.BankTransferSettings? bankTransfers = null)
{
    /// <summary>Why a thank-you was closed unsent, as the mail log shows it.</summary>
    public const string RefundedBeforeThanks = "The payment was refunded in full before its thank-you went out: no thanks, no receipt.";

    private readonly IReadOnlyList<IReceiptSubjectSource> sources = sources.ToList();
    private readonly MonthlyDonationProblemMails problemMails = new(new PaymentProblemMailComposer(organisation, publicPages), mailer);
    private readonly BankTransfers.TransferInstructionMails transferMails = new(organisation, bankTransfers ?? BankTransfers.BankTransferSettings.NotOffered, mailer);

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
            ReceiptMailPurpose.MonthlyPaymentFailed or ReceiptMailPurpose.MonthlyDonationEnded =>
                await problemMails.SendAsync(request.Purpose, payment, cancellationToken).ConfigureAwait(false),
            ReceiptMailPurpose.TransferInstructions => await transferMails.SendAsync(payment, cancellationToken).ConfigureAwait(false),
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

    /// <summary>What a dispatch of one mail of <paramref name="kind"/> means to the queue function.</summary>
    internal static ReceiptMailResult Result(MailDispatch dispatch, MailKind kind) => new(
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
            case ReceiptPaymentState.Failed when payment.FailureMayBeRetried:
                // The provider retries a monthly donation's failed payment: paid on a retry, the thank-you is sent
                // before that is saved, and until then the payment still reads as failed.
                throw new PaymentNotSettledException("The payment is not saved as paid yet.");
            case ReceiptPaymentState.Failed:
                return new ReceiptMailResult(ReceiptMailOutcome.PaymentFailed);
            case ReceiptPaymentState.Refunded or ReceiptPaymentState.Returned:
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

        if (payment.PaidMail is not (PaidPaymentMail.OneTimeDonation or PaidPaymentMail.MembershipFee) && noLongerCounts is not null)
        {
            // A monthly payment is only ever confirmed by a Sammelbestätigung: corrected (withdrawn and reissued
            // without it) rather than withdrawn, the same path as returned direct debits.
            var corrected = await noLongerCounts.ExecuteAsync(payment.Key, ReceiptWithdrawal.RefundReason, cancellationToken).ConfigureAwait(false);
            return corrected.Outcome == ReceiptCorrectionOutcome.NoReceipt
                ? new ReceiptMailResult(ReceiptMailOutcome.NoMailDue)
                : new ReceiptMailResult(ReceiptMailOutcome.Withdrawn, MailKind.ReceiptCorrected, corrected.Replacement ?? corrected.Withdrawn);
        }

        // Withdrawn first: a receipt issued by a thank-you still in flight is withdrawn now or, as the thank-you makes
        // this request wait, on its next delivery.
        var withdrawn = await register.MarkWithdrawnAsync(payment.Key, GermanTime.Today(time), cancellationToken).ConfigureAwait(false);
        if (withdrawn is not null)
        {
            // The void copy sits next to the original, so the archive alone shows what happened to the number.
            await archive.StoreOnceAsync(
                withdrawn.Number,
                ReceiptCopy.Withdrawn,
                renderer.Render(withdrawn.Document, organisation),
                cancellationToken).ConfigureAwait(false);
        }

        var thanksMayHaveArrived = await SettleThanksAsync(payment, cancellationToken).ConfigureAwait(false);
        if (withdrawn is null)
        {
            return new ReceiptMailResult(ReceiptMailOutcome.NoMailDue);
        }

        if (!thanksMayHaveArrived)
        {
            return new ReceiptMailResult(ReceiptMailOutcome.Withdrawn, null, withdrawn.Number);
        }

        var dispatch = await mailer.SendOnceAsync(
            new MailLogKey(MailKind.ReceiptWithdrawn, payment.Key.Value),
            _ => Task.FromResult(PreparedMail.Send(
                composer.ReceiptWithdrawn(payment.Recipient, payment.Language, withdrawn.Document, payment.State == ReceiptPaymentState.Returned),
                withdrawn.Number)),
            cancellationToken).ConfigureAwait(false);
        return Result(dispatch, MailKind.ReceiptWithdrawn);
    }

    /// <summary>
    /// Whether the payment's thank-you (with its receipt) may have reached the supporter, settling it first if it is
    /// still open: a refund saved before the thank-you went out closes it unsent, so it never goes out for money
    /// given back. Sent, or left pending by a worker that vanished after taking the mail (its lease ran out), may
    /// have arrived; refused by the mail service, or closed here, did not. While another worker holds the mail, the
    /// answer is "not yet": the request waits for the outcome.
    /// </summary>
    private async Task<bool> SettleThanksAsync(ReceiptSubjectPayment payment, CancellationToken cancellationToken)
    {
        if (payment.PaidMail is not (PaidPaymentMail.OneTimeDonation or PaidPaymentMail.MembershipFee))
        {
            // Monthly donations: their receipts come yearly, after refunds are known.
            return true;
        }

        var key = new MailLogKey(PaidMailKind(payment.PaidMail), payment.PaidMailSubjectId);
        var before = await mailLog.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (before is { IsFinal: true })
        {
            return before.State == MailLogState.Sent;
        }

        if (before is not null && before.IsLeasedAt(time.GetUtcNow()))
        {
            throw new MailInProgressException(key);
        }

        var settled = await mailer.SendOnceAsync(
            key,
            _ => Task.FromResult(PreparedMail.Skip(RefundedBeforeThanks)),
            cancellationToken).ConfigureAwait(false);
        return settled.Outcome == MailDispatchOutcome.Skipped
            ? before?.LeaseUntil is not null
            : settled.Entry.State == MailLogState.Sent;
    }
}
