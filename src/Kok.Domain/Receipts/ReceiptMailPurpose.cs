namespace Kok.Domain.Receipts;

/// <summary>Why a <see cref="ReceiptMailRequest"/> was sent. Serialised by name ("paid", "refunded").</summary>
public enum ReceiptMailPurpose
{
    /// <summary>The payment was paid: thank, and issue a receipt where one is due.</summary>
    Paid,

    /// <summary>The payment was refunded in full: withdraw its receipt, if any, and tell the supporter.</summary>
    Refunded,
}
