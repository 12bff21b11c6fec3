namespace Kok.Domain.Privacy.Erasure;

/// <summary>When a running membership of an erased supporter ends: staff choose.</summary>
public enum MembershipEndChoice
{
    /// <summary>At the end of the paid period, as a cancellation would (no further dues).</summary>
    PeriodEnd,

    /// <summary>Today.</summary>
    Now,
}
