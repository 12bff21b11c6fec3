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

    /// <summary>A monthly donation that has ended; its paid payments stay paid.</summary>
    Cancelled,
}
