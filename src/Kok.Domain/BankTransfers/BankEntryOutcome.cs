namespace Kok.Domain.BankTransfers;

/// <summary>What an import made of a statement entry. Stored by name: never renumber.</summary>
public enum BankEntryOutcome
{
    /// <summary>Its reference code and amount fitted a donation, which it paid.</summary>
    Matched,

    /// <summary>Nothing fitted: left for staff.</summary>
    Unmatched,

    /// <summary>Imported before (this file twice, or overlapping days): nothing new recorded.</summary>
    AlreadyKnown,

    /// <summary>Left unmatched, then assigned by staff to a transfer donation, which it paid.</summary>
    Assigned,

    /// <summary>Left unmatched, then marked by staff as not a donation (a grant, a refund, anything else).</summary>
    Excluded,

    /// <summary>Left unmatched, then assigned by staff to a member's dues, which it paid.</summary>
    AssignedToDues,

    /// <summary>Left unmatched, then recorded by staff as a new donation from the payer, paid by this transfer.</summary>
    NewDonation,
}
