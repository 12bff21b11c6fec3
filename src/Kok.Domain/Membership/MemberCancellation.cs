namespace Kok.Domain.Membership;

/// <summary>What <see cref="Member.Cancel"/> did.</summary>
public enum MemberCancellation
{
    /// <summary>Now <see cref="MembershipStatus.Cancelling"/>: a member until the paid period is over, no more dues.</summary>
    WillEnd,

    /// <summary>Nothing paid for the current period (pending, processing, lapsed): ended at once.</summary>
    EndedNow,

    /// <summary>Cancelled before; nothing changed.</summary>
    AlreadyCancelled,

    /// <summary>The membership had already ended; nothing changed.</summary>
    AlreadyEnded,
}
