namespace Kok.Domain.Receipts;

/// <summary>Which archived file of a receipt: the one sent, or the copy marked void after a withdrawal.</summary>
public enum ReceiptCopy
{
    Original,
    Withdrawn,
}
