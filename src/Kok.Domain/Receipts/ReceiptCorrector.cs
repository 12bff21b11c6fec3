using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// Withdraws receipts and reissues them, the one mechanism behind staff corrections, refunds and returned payments
/// (<see cref="PaymentNoLongerCounts"/>). The register does each step atomically and idempotently (a retry finds the
/// receipt withdrawn or replaced and returns that); then the withdrawn copy marked "storniert" and the new receipt are
/// archived and the supporter gets one mail per withdrawn receipt with the new one attached. A Sammelbestätigung is
/// reissued from the payments that count now (<see cref="AnnualReceiptAssembly"/>), so a refunded or returned
/// payment drops out and a payment that arrived late joins; an Einzelbestätigung with the payment's current data.
/// </summary>
public sealed class ReceiptCorrector(
    AnnualReceiptAssembly assembly,
    IReceiptRegister register,
    IEnumerable<IReceiptSubjectSource> sources,
    ReceiptFiles files,
    ReceiptMailComposer composer,
    MailDispatcher mailer,
    OrganisationProfile organisation,
    TimeProvider time)
{
    private const int MaxAttempts = 3;

    /// <summary>Withdraws Sammelbestätigung <paramref name="old"/> and reissues it without <paramref name="exclude"/>, or only withdraws it when no payment is left.</summary>
    public async Task<ReceiptCorrectionResult> CorrectAnnualAsync(
        IssuedReceipt old,
        ReceiptWithdrawal withdrawal,
        IReadOnlyCollection<ReceiptPaymentKey> exclude,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(old);
        var donorKey = old.DonorKey ?? throw new ArgumentException("Not a Sammelbestätigung.", nameof(old));
        if (old.Document.IsWithdrawn)
        {
            return new ReceiptCorrectionResult(ReceiptCorrectionOutcome.AlreadyWithdrawn, old.Number, old.Document.ReplacedBy);
        }

        var year = old.Document.Period.Year;
        var excluded = exclude.ToList();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var assembled = await assembly.AssembleAsync(new AnnualReceiptGroup(year, donorKey), excluded, GermanTime.Today(time), cancellationToken).ConfigureAwait(false);
            try
            {
                var replacement = assembled is null
                    ? null
                    : await register.ReissueAsync(old.Number, withdrawal, assembled.Request, cancellationToken).ConfigureAwait(false);
                var withdrawn = replacement is null
                    ? await register.WithdrawAsync(old.Number, withdrawal, cancellationToken).ConfigureAwait(false)
                    : await register.GetAsync(old.Number, cancellationToken).ConfigureAwait(false);
                var recipient = assembled is not null
                    ? (assembled.Recipient, assembled.Language)
                    : await assembly.RecipientAsync(year, donorKey, cancellationToken).ConfigureAwait(false);
                return await FinishAsync(withdrawn!, replacement, recipient, cancellationToken).ConfigureAwait(false);
            }
            catch (ReceiptPaymentsAlreadyConfirmedException ex)
            {
                // A late payment got a receipt of its own meanwhile: never confirmed twice, so without it.
                excluded.AddRange(ex.PaymentKeys);
            }
        }

        throw new ReceiptPaymentsAlreadyConfirmedException(excluded);
    }

    /// <summary>Withdraws Einzelbestätigung <paramref name="old"/> for good (its payment no longer counts) and tells the supporter.</summary>
    public async Task<ReceiptCorrectionResult> WithdrawSingleAsync(IssuedReceipt old, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (old.Document.IsWithdrawn)
        {
            return new ReceiptCorrectionResult(ReceiptCorrectionOutcome.AlreadyWithdrawn, old.Number, old.Document.ReplacedBy);
        }

        var withdrawn = (await register.WithdrawAsync(old.Number, withdrawal, cancellationToken).ConfigureAwait(false))!;
        await files.WithdrawnAsync(withdrawn, cancellationToken).ConfigureAwait(false);
        if (await LoadAsync(old.PaymentKey, cancellationToken).ConfigureAwait(false) is { } payment)
        {
            // The same mail (and log key) as a refund's, so the supporter hears of it once whichever path came first.
            await mailer.SendOnceAsync(
                new MailLogKey(MailKind.ReceiptWithdrawn, old.PaymentKey.Value),
                _ => Task.FromResult(PreparedMail.Send(composer.ReceiptWithdrawn(payment.Recipient, payment.Language, withdrawn.Document), withdrawn.Number)),
                cancellationToken).ConfigureAwait(false);
        }

        return new ReceiptCorrectionResult(ReceiptCorrectionOutcome.Withdrawn, withdrawn.Number);
    }

    /// <summary>Withdraws Einzelbestätigung <paramref name="old"/> and reissues it with the payment's current data under a new number.</summary>
    public async Task<ReceiptCorrectionResult> ReissueSingleAsync(IssuedReceipt old, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (old.Document.IsWithdrawn)
        {
            return new ReceiptCorrectionResult(ReceiptCorrectionOutcome.AlreadyWithdrawn, old.Number, old.Document.ReplacedBy);
        }

        var payment = await LoadAsync(old.PaymentKey, cancellationToken).ConfigureAwait(false);
        if (payment is not { State: ReceiptPaymentState.Paid, ReceiptAddressLines.Count: > 0 })
        {
            return await WithdrawSingleAsync(old, withdrawal, cancellationToken).ConfigureAwait(false);
        }

        var request = new ReceiptIssueRequest(
            old.PaymentKey, old.Document.Kind, payment.ReceiptName, payment.ReceiptAddressLines, payment.AmountCents, old.Document.PaymentDate, GermanTime.Today(time))
        {
            Issuer = organisation,
        };
        var replacement = await register.ReissueAsync(old.Number, withdrawal, request, cancellationToken).ConfigureAwait(false);
        var withdrawn = await register.GetAsync(old.Number, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(withdrawn!, replacement, (payment.Recipient, payment.Language), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReceiptCorrectionResult> FinishAsync(
        IssuedReceipt withdrawn,
        IssuedReceipt? replacement,
        (MailRecipient To, MailLanguage Language)? recipient,
        CancellationToken cancellationToken)
    {
        await files.WithdrawnAsync(withdrawn, cancellationToken).ConfigureAwait(false);
        var pdf = replacement is null ? null : await files.OriginalAsync(replacement, cancellationToken).ConfigureAwait(false);
        if (recipient is { } to)
        {
            await mailer.SendOnceAsync(
                new MailLogKey(MailKind.ReceiptCorrected, withdrawn.Number),
                _ => Task.FromResult(PreparedMail.Send(
                    composer.ReceiptCorrected(to.To, to.Language, withdrawn.Document, replacement is null ? null : new RenderedReceipt(replacement.Document, pdf!)),
                    replacement?.Number ?? withdrawn.Number)),
                cancellationToken).ConfigureAwait(false);
        }

        return replacement is null
            ? new ReceiptCorrectionResult(ReceiptCorrectionOutcome.Withdrawn, withdrawn.Number)
            : new ReceiptCorrectionResult(ReceiptCorrectionOutcome.Reissued, withdrawn.Number, replacement.Number);
    }

    /// <summary>The payment behind a key (<c>donation:don_…:pay_…</c>) from its subject's source, for the supporter's data.</summary>
    private async Task<ReceiptSubjectPayment?> LoadAsync(ReceiptPaymentKey key, CancellationToken cancellationToken)
    {
        var parts = key.Value.Split(':');
        var kind = parts[0] == "membership" ? ReceiptSubjectKind.Membership : ReceiptSubjectKind.Donation;
        var source = sources.FirstOrDefault(s => s.Kind == kind);
        return source is null ? null : await source.LoadAsync(parts[1], parts[2], cancellationToken).ConfigureAwait(false);
    }
}
