namespace Kok.Domain.Receipts;

/// <summary>
/// "This payment no longer counts": a payment that was refunded, returned by the bank (SEPA Rücklastschrift) or lost
/// in a dispute must not stay on a Zuwendungsbestätigung. Its Einzelbestätigung is withdrawn (storniert); a
/// Sammelbestätigung that lists it is withdrawn and reissued under a new number without it (or only withdrawn when
/// nothing else counts), and the supporter gets the corrected receipt by mail. Idempotent: a payment whose receipt
/// was already corrected finds the replacement, which no longer lists it, and nothing more happens. The refund path
/// of the receipt mailer uses it for payments in a Sammelbestätigung; returns and disputes call it the same way.
/// </summary>
/// <exception cref="ReceiptsUnavailableException">The reissue would need a receipt today that § 63 Abs. 5 AO forbids: retry later.</exception>
public sealed class PaymentNoLongerCounts(IReceiptRegister register, ReceiptCorrector corrector, TimeProvider time)
{
    /// <summary>The reason recorded when a bank returns a direct debit.</summary>
    public const string ReturnReason = "Lastschrift zurückgegeben";

    public async Task<ReceiptCorrectionResult> ExecuteAsync(ReceiptPaymentKey paymentKey, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        var withdrawal = new ReceiptWithdrawal(GermanTime.Today(time), reason);
        var receipt = await register.GetByPaymentAsync(paymentKey, cancellationToken).ConfigureAwait(false);
        if (receipt is null)
        {
            return new ReceiptCorrectionResult(ReceiptCorrectionOutcome.NoReceipt);
        }

        return receipt.Document.Form == ReceiptForm.Sammelbestaetigung
            ? await corrector.CorrectAnnualAsync(receipt, withdrawal, [paymentKey], cancellationToken).ConfigureAwait(false)
            : await corrector.WithdrawSingleAsync(receipt, withdrawal, cancellationToken).ConfigureAwait(false);
    }
}
