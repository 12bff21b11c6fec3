using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// One message of the annual run: the Sammelbestätigung of one donor group for one payment year, issued at most once
/// and mailed at most once, however often the message comes.
/// <list type="number">
/// <item>The register's receipt for the donor key and year, if there is one (a rerun, a redelivery, a crash after
/// numbering): nothing is numbered again; its mail goes out unless it went already. A receipt that was corrected
/// since gets no annual mail: the correction sent its own.</item>
/// <item>Otherwise the payments that count now (<see cref="AnnualReceiptAssembly"/>) are numbered in one atomic step
/// that also marks each payment as confirmed (<see cref="IAnnualReceiptIssuer"/>, with other workers' receipts where it can);
/// a payment some other receipt confirms meanwhile is left out and the rest numbered.</item>
/// <item>The PDF is archived write-once before the mail, which carries the archived file, so the file on record is
/// the one the donor has.</item>
/// </list>
/// While § 63 Abs. 5 AO or missing settings forbid receipts today, <see cref="ReceiptsUnavailableException"/> comes
/// out before any number is taken: the queue function makes the message wait.
/// </summary>
public sealed class IssueAnnualReceipt(
    AnnualReceiptAssembly assembly,
    IReceiptRegister register,
    IAnnualReceiptIssuer issuer,
    ReceiptFiles files,
    ReceiptMailComposer composer,
    MailDispatcher mailer,
    TimeProvider time)
{
    private const int MaxAttempts = 3;

    public async Task<AnnualReceiptResult> ExecuteAsync(AnnualReceiptMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var donorKey = new ReceiptDonorKey(message.DonorKey ?? throw new ArgumentException("Not a donor group's message.", nameof(message)));
        var receipt = await register.GetAnnualAsync(message.Year, donorKey, cancellationToken).ConfigureAwait(false);
        if (receipt is not null && (receipt.Document.IsWithdrawn || receipt.Document.Replaces is not null))
        {
            return new AnnualReceiptResult(AnnualReceiptOutcome.Corrected, receipt.Number);
        }

        AssembledAnnualReceipt? assembled = null;
        var outcome = AnnualReceiptOutcome.AlreadyIssued;
        if (receipt is null)
        {
            (receipt, assembled) = await IssueAsync(message.Year, donorKey, message.DonationIds, cancellationToken).ConfigureAwait(false);
            if (receipt is null)
            {
                return new AnnualReceiptResult(AnnualReceiptOutcome.NothingToConfirm);
            }

            outcome = AnnualReceiptOutcome.Issued;
        }

        var issued = receipt;
        var dispatch = await mailer.SendOnceAsync(
            new MailLogKey(MailKind.AnnualReceipt, issued.Number),
            async ct =>
            {
                var pdf = await files.OriginalAsync(issued, ct).ConfigureAwait(false);
                var recipient = assembled is not null
                    ? (assembled.Recipient, assembled.Language)
                    : await assembly.RecipientAsync(message.Year, donorKey, ct, message.DonationIds).ConfigureAwait(false);
                return recipient is { } r
                    ? PreparedMail.Send(composer.AnnualReceipt(r.Item1, r.Item2, new RenderedReceipt(issued.Document, pdf)), issued.Number)
                    : PreparedMail.Skip("No donation of the donor group is left to write to.", issued.Number);
            },
            cancellationToken).ConfigureAwait(false);
        return new AnnualReceiptResult(outcome, issued.Number, dispatch.Outcome.ToString());
    }

    private async Task<(IssuedReceipt?, AssembledAnnualReceipt?)> IssueAsync(
        int year, ReceiptDonorKey donorKey, IReadOnlyList<string>? donationIds, CancellationToken cancellationToken)
    {
        var today = GermanTime.Today(time);
        var excluded = new List<ReceiptPaymentKey>();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var assembled = await assembly.AssembleAsync(new AnnualReceiptGroup(year, donorKey, donationIds), excluded, today, cancellationToken).ConfigureAwait(false);
            if (assembled is null)
            {
                return (null, null);
            }

            var result = await issuer.IssueAsync(assembled.Request, cancellationToken).ConfigureAwait(false);
            if (result.Receipt is { } receipt)
            {
                return (receipt, assembled);
            }

            // Confirmed meanwhile by another receipt (an Einzelbestätigung): never twice, so without them.
            excluded.AddRange(result.AlreadyConfirmed);
        }

        throw new ReceiptPaymentsAlreadyConfirmedException(excluded);
    }
}
