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

    /// <summary>
    /// Taken back by the payer's bank (a returned debit, or a dispute, even one later won): like a refund, the money
    /// does not count as kept, so its receipt is withdrawn the same way.
    /// </summary>
    Returned,
}
