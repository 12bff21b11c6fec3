namespace Kok.Domain.Receipts;

/// <summary>
/// A receipt as the register holds it: its frozen document (withdrawn or not) and the payments it confirms, one per
/// line of the document and in the same order; for a Sammelbestätigung also the donor key it was issued for.
/// </summary>
public sealed class IssuedReceipt
{
    public IssuedReceipt(ReceiptPaymentKey paymentKey, ReceiptDocument document)
        : this([paymentKey], document, null)
    {
    }

    public IssuedReceipt(IReadOnlyList<ReceiptPaymentKey> paymentKeys, ReceiptDocument document, ReceiptDonorKey? donorKey)
    {
        ArgumentNullException.ThrowIfNull(paymentKeys);
        ArgumentNullException.ThrowIfNull(document);
        if (document.IsDraft)
        {
            throw new ArgumentException("A draft is never issued.", nameof(document));
        }

        if (paymentKeys.Count != document.Lines.Count || paymentKeys.Any(k => k is null) || paymentKeys.Distinct().Count() != paymentKeys.Count)
        {
            throw new ArgumentException("One distinct payment per line of the receipt.", nameof(paymentKeys));
        }

        if ((document.Form == ReceiptForm.Sammelbestaetigung) != (donorKey is not null))
        {
            throw new ArgumentException("A Sammelbestätigung, and only one, is issued for a donor key.", nameof(donorKey));
        }

        PaymentKeys = paymentKeys.ToArray();
        Document = document;
        DonorKey = donorKey;
    }

    /// <summary>The payment of an Einzelbestätigung; a Sammelbestätigung has <see cref="PaymentKeys"/>.</summary>
    public ReceiptPaymentKey PaymentKey => Document.Form == ReceiptForm.Einzelbestaetigung
        ? PaymentKeys[0]
        : throw new InvalidOperationException("A Sammelbestätigung confirms several payments; see PaymentKeys.");

    /// <summary>The confirmed payments, aligned with <see cref="ReceiptDocument.Lines"/>.</summary>
    public IReadOnlyList<ReceiptPaymentKey> PaymentKeys { get; }

    public ReceiptDocument Document { get; }

    /// <summary>The donor a Sammelbestätigung was issued for; null for an Einzelbestätigung.</summary>
    public ReceiptDonorKey? DonorKey { get; }

    public string Number => Document.Number;
}
