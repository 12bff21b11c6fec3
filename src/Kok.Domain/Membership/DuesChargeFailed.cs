namespace Kok.Domain.Membership;

/// <summary>A year's dues could not be collected: the member is overdue and gets a mail with a link to pay.</summary>
public sealed record DuesChargeFailed(string MemberId, DateOnly PeriodStart) : MemberEvent(MemberId);
