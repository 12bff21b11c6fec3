namespace Kok.Domain.SelfService;

/// <summary>What a donor may change of a running monthly donation on "Mein KOK".</summary>
public enum MonthlyDonationChangeKind
{
    /// <summary>Another amount per month, from the next payment on.</summary>
    Amount,

    /// <summary>No payments for 1–6 months.</summary>
    Pause,

    /// <summary>No more payments after the current month (the period already paid).</summary>
    Cancel,
}
