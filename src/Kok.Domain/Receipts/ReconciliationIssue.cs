namespace Kok.Domain.Receipts;

/// <summary>Why a payment and the receipts of its year do not match. Serialised by name (snake_case).</summary>
public enum ReconciliationIssue
{
    /// <summary>Paid, and no receipt confirms it, though the donor asked for one and gave an address.</summary>
    NoReceipt,

    /// <summary>Paid without receipt because the donor did not ask for one (explained).</summary>
    NoReceiptWanted,

    /// <summary>Paid without receipt because the donor gave no address (explained).</summary>
    NoAddress,

    /// <summary>A receipt confirms another amount than the one kept (paid less refunds).</summary>
    AmountDiffers,

    /// <summary>A valid receipt confirms a payment that is not (or no longer) paid: refunded, or unknown.</summary>
    ReceiptWithoutPayment,
}
