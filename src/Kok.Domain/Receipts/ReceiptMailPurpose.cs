namespace Kok.Domain.Receipts;

/// <summary>Why a <see cref="ReceiptMailRequest"/> was sent. Serialised by name ("paid", "refunded").</summary>
public enum ReceiptMailPurpose
{
    /// <summary>The payment was paid: thank, and issue a receipt where one is due.</summary>
    Paid,

    /// <summary>
    /// The money is no longer kept (refunded in full, or taken back by the payer's bank: returned debit, dispute):
    /// withdraw its receipt, if any, and tell the supporter. One path for all of them.
    /// </summary>
    Refunded,

    /// <summary>A payment of a monthly donation failed: tell the donor, once per payment.</summary>
    MonthlyPaymentFailed,

    /// <summary>A monthly donation ended because its payments failed: a last mail, once per donation.</summary>
    MonthlyDonationEnded,

    /// <summary>A donation by bank transfer was made: tell the donor where to transfer and which code to write; once per donation.</summary>
    TransferInstructions,
}
