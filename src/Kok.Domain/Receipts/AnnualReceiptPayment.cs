namespace Kok.Domain.Receipts;

/// <summary>One payment to confirm in a Sammelbestätigung: which payment, and the line it becomes.</summary>
public sealed record AnnualReceiptPayment
{
    public AnnualReceiptPayment(ReceiptPaymentKey key, DateOnly paymentDate, ReceiptKind kind, long amountCents)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        Line = new ReceiptLine(paymentDate, kind, amountCents);
    }

    public ReceiptPaymentKey Key { get; }

    public ReceiptLine Line { get; }
}
