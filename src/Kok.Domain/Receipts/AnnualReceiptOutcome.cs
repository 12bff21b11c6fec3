namespace Kok.Domain.Receipts;

/// <summary>What one message of the annual run did for its donor group.</summary>
public enum AnnualReceiptOutcome
{
    /// <summary>A new Sammelbestätigung was numbered (and mailed, unless the mail service refused it).</summary>
    Issued,

    /// <summary>The group had its Sammelbestätigung already (a rerun or a redelivered message): nothing new.</summary>
    AlreadyIssued,

    /// <summary>The group's receipt was corrected or withdrawn since; the correction sent its own mail.</summary>
    Corrected,

    /// <summary>No payment of the group counts (any longer): refunded, or confirmed by another receipt.</summary>
    NothingToConfirm,
}
