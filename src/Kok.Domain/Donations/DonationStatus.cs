namespace Kok.Domain.Donations;

/// <summary>Where a donation stands, derived from what the payment provider reported so far.</summary>
public enum DonationStatus
{
    /// <summary>Created; the supporter has not finished checkout.</summary>
    Pending,

    /// <summary>Checkout finished, money not there yet (SEPA debit settles after days).</summary>
    Processing,

    /// <summary>Money received (for a monthly donation: at least one payment received, still running).</summary>
    Paid,

    /// <summary>The payment failed and nothing was received.</summary>
    Failed,

    /// <summary>Everything received was paid back.</summary>
    Refunded,

    /// <summary>A monthly donation that has ended; its paid payments stay paid. <c>EndReason</c> says why.</summary>
    Cancelled,

    /// <summary>The payer's bank has reclaimed the money (a dispute is open): held back until it is decided.</summary>
    Disputed,

    /// <summary>The money is gone: the bank returned the debit or the dispute was lost.</summary>
    Returned,
}
