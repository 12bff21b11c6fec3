namespace Kok.Domain.Receipts;

/// <summary>
/// The receipt register (Quittungsregister): gives receipt numbers per calendar year of issue without gaps or
/// duplicates, also under concurrent workers, and keeps each receipt's frozen data. Einzelbestätigungen and
/// Sammelbestätigungen share the numbers. A payment is confirmed by at most one receipt at a time: numbering and
/// "these payments have a receipt" are written in one atomic step, so a payment with an Einzelbestätigung never
/// appears in a Sammelbestätigung, nor in two, and the other way round.
/// </summary>
public interface IReceiptRegister
{
    /// <summary>
    /// The receipt of <see cref="ReceiptIssueRequest.PaymentKey"/>: the existing one (as frozen then, perhaps
    /// withdrawn, perhaps a Sammelbestätigung, whatever the request now says) or a new Einzelbestätigung under the
    /// year's next number.
    /// </summary>
    Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The Sammelbestätigung of the request's donor key and year: the existing one (as frozen then, perhaps withdrawn
    /// or, after a correction, its replacement) or a new one under the issue year's next number, confirming all the
    /// request's payments. Idempotent: a retry after a crash at any point returns the same receipt.
    /// </summary>
    /// <exception cref="ReceiptPaymentsAlreadyConfirmedException">
    /// A payment already has another receipt; nothing was written and no number taken.
    /// </exception>
    Task<IssuedReceipt> IssueAnnualAsync(AnnualReceiptIssueRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="IssueAnnualAsync(AnnualReceiptIssueRequest, CancellationToken)"/> for several donors at once, their
    /// new receipts numbered consecutively in as few atomic steps as fit (one counter step for several receipts, so
    /// many workers do not queue for every single number). Each result is the donor's receipt or the payments that
    /// already have another receipt. The requests must name distinct donors and payments.
    /// </summary>
    Task<IReadOnlyList<AnnualReceiptIssueResult>> IssueAnnualAsync(
        IReadOnlyList<AnnualReceiptIssueRequest> requests,
        CancellationToken cancellationToken);

    /// <summary>The receipt currently confirming the payment (its replacement once corrected), or null.</summary>
    Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken);

    Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken);

    /// <summary>The current Sammelbestätigung of a donor key for a year (withdrawn or not), or null.</summary>
    Task<IssuedReceipt?> GetAnnualAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken);

    /// <summary>Every receipt numbered in <paramref name="year"/> (year of issue) in number order, withdrawn ones included.</summary>
    Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the payment's Einzelbestätigung withdrawn (storniert) on <paramref name="withdrawnOn"/>, or on its issue
    /// date if that is later, for the reason "Zahlung erstattet"; its number stays taken. A receipt already withdrawn
    /// keeps its first date. Null when the payment has no receipt. A Sammelbestätigung is corrected with
    /// <see cref="ReissueAsync(string, ReceiptWithdrawal, AnnualReceiptIssueRequest, CancellationToken)"/> instead.
    /// </summary>
    Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken);

    /// <summary>
    /// Withdraws (storniert) the receipt with this number for the stated reason, on the withdrawal's date or its issue
    /// date if that is later; the number stays taken, and the payments stay with it until a correction
    /// (<c>ReissueAsync</c>) frees them. A receipt already withdrawn keeps its first withdrawal. Null for an unknown
    /// number.
    /// </summary>
    Task<IssuedReceipt?> WithdrawAsync(string receiptNumber, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken);

    /// <summary>
    /// Corrects Sammelbestätigung <paramref name="replacesNumber"/>: withdraws it (unless it already is) and issues
    /// <paramref name="replacement"/> under a new number that references it, in one atomic step; the new receipt
    /// takes over the payments it lists, the payments it leaves out become free, and the donor key's receipt for the
    /// year becomes the new one. Idempotent: once replaced, the replacement is returned.
    /// </summary>
    /// <exception cref="ReceiptPaymentsAlreadyConfirmedException">An added payment already has another receipt.</exception>
    Task<IssuedReceipt> ReissueAsync(
        string replacesNumber,
        ReceiptWithdrawal withdrawal,
        AnnualReceiptIssueRequest replacement,
        CancellationToken cancellationToken);

    /// <summary>Corrects Einzelbestätigung <paramref name="replacesNumber"/> for the same payment, as above.</summary>
    Task<IssuedReceipt> ReissueAsync(
        string replacesNumber,
        ReceiptWithdrawal withdrawal,
        ReceiptIssueRequest replacement,
        CancellationToken cancellationToken);
}
