namespace Kok.Domain.Dues;

/// <summary>What <see cref="Membership.Member.ReceiveDuesTransfer"/> made of a credit.</summary>
public enum DuesTransferOutcome
{
    /// <summary>The first year or the open period is paid (an amount above the dues leaves an extra for a donation).</summary>
    Settled,

    /// <summary>This credit paid the member before (the same statement entry again).</summary>
    Duplicate,

    /// <summary>Less than the dues asked for: a partial payment, left for staff to decide.</summary>
    TooLow,

    /// <summary>Nothing is owed now (paid already, cancelled, or not yet asked for).</summary>
    NothingOwed,
}
