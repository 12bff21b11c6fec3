namespace Kok.Domain.Dashboard;

/// <summary>Why a supporter is on the staff's "Needs attention" list. Stored and shown by name: never renumber.</summary>
public enum AttentionKind
{
    /// <summary>The payer's bank reclaimed a payment; its receipt was withdrawn, the dispute is not decided.</summary>
    Disputed,

    /// <summary>The money is gone: a returned debit or a lost dispute; the receipt was withdrawn.</summary>
    Returned,

    /// <summary>A monthly donation's payment failed (the provider retries it).</summary>
    MonthlyPaymentFailed,

    /// <summary>A monthly donation ended because its payments kept failing.</summary>
    MonthlyDonationEnded,

    /// <summary>A member's SEPA mandate came back twice: the dues are no longer collected off-session.</summary>
    OffSessionChargesStopped,
}
