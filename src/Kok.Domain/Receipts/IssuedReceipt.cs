namespace Kok.Domain.Receipts;

/// <summary>A receipt as the register holds it: its frozen document (withdrawn or not) and the payment it confirms.</summary>
public sealed class IssuedReceipt
{
    public IssuedReceipt(ReceiptPaymentKey paymentKey, ReceiptDocument document)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        ArgumentNullException.ThrowIfNull(document);
        PaymentKey = paymentKey;
        Document = document;
    }

    public ReceiptPaymentKey PaymentKey { get; }

    public ReceiptDocument Document { get; }

    public string Number => Document.Number;
}
