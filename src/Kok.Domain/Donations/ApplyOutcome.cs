namespace Kok.Domain.Donations;

/// <summary>What applying a payment event did to a donation.</summary>
public enum ApplyOutcome
{
    /// <summary>State changed: save the donation (which also remembers the event id).</summary>
    Changed,

    /// <summary>Nothing new (already known, or not about this donation): no save needed.</summary>
    NoChange,

    /// <summary>This event id was applied before.</summary>
    Duplicate,

    /// <summary>
    /// The event refers to something the donation does not know yet (a refund of a payment whose own event has not
    /// arrived): have the provider deliver it again later.
    /// </summary>
    NotYetApplicable,
}
