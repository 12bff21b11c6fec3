namespace Kok.Domain.Membership;

/// <summary>One entry of a membership's status history: the new status, when, and why (a short English reason).</summary>
public sealed record MembershipStatusChange(MembershipStatus Status, DateTimeOffset At, string Reason);
