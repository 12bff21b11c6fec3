namespace Kok.Domain.Receipts;

/// <summary>
/// The receipt register (Quittungsregister): gives receipt numbers per calendar year of issue without gaps or
/// duplicates, also under concurrent workers, and keeps each receipt's frozen data. A payment never gets two
/// numbers: numbering and "this payment has a receipt" are written in one atomic step.
/// </summary>
public interface IReceiptRegister
{
    /// <summary>
    /// The receipt of <see cref="ReceiptIssueRequest.PaymentKey"/>: the existing one (as frozen then, perhaps
    /// withdrawn, whatever the request now says) or a new one under the year's next number.
    /// </summary>
    Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken);

    Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken);

    Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken);

    /// <summary>Every receipt of <paramref name="year"/> in number order, withdrawn ones included.</summary>
    Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the payment's receipt withdrawn (storniert) on <paramref name="withdrawnOn"/>, or on its issue date if
    /// that is later; its number stays taken. A receipt already withdrawn keeps its first date. Null when the payment
    /// has no receipt.
    /// </summary>
    Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken);
}
