namespace Kok.Domain.Receipts;

/// <summary>What a correction did.</summary>
public enum ReceiptCorrectionOutcome
{
    /// <summary>No receipt confirms the payment (or has the number): nothing to correct.</summary>
    NoReceipt,

    /// <summary>The receipt was withdrawn earlier; nothing more was done.</summary>
    AlreadyWithdrawn,

    /// <summary>Withdrawn, and no new receipt because no payment of it counts any longer.</summary>
    Withdrawn,

    /// <summary>Withdrawn and reissued under a new number that references it.</summary>
    Reissued,
}
