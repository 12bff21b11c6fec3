namespace Kok.Domain.Receipts;

/// <summary>A payment's state as the receipt mailer sees it.</summary>
public enum ReceiptPaymentState
{
    /// <summary>The subject does not know the payment (yet: the message may overtake the save).</summary>
    Unknown,

    /// <summary>Known, money not there (yet).</summary>
    Pending,

    Paid,

    Failed,

    /// <summary>Paid back in full.</summary>
    Refunded,
}
