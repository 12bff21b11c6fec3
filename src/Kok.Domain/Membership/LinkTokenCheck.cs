namespace Kok.Domain.Membership;

/// <summary>How a personal link's token fared.</summary>
public enum LinkTokenCheck
{
    Valid,

    /// <summary>Not made by us for this member and purpose (tampered, truncated, another member's).</summary>
    Invalid,

    /// <summary>Made by us, but past its expiry.</summary>
    Expired,
}
