namespace Kok.Domain.Membership;

/// <summary>
/// The status machine of a supporting membership; <see cref="Membership"/> refuses any other move.
/// <list type="bullet">
/// <item><c>pending → processing</c>: checkout finished with a SEPA debit still in flight.</item>
/// <item><c>pending | processing → active</c>: the first year's dues arrived.</item>
/// <item><c>processing → pending</c>: the first debit bounced; the member may pay again.</item>
/// <item><c>active → overdue → lapsed</c>, <c>overdue → active</c>: the yearly dues run (dues issue).</item>
/// <item><c>lapsed → active</c>: a lapsed member paid again.</item>
/// <item><c>active | overdue → cancelling</c>: cancelled; ends when the paid period is over.</item>
/// <item><c>cancelling → ended</c>: the paid period is over.</item>
/// <item><c>pending | processing | lapsed → ended</c>: cancelled with nothing paid for the current period.</item>
/// </list>
/// </summary>
public static class MembershipTransitions
{
    private static readonly Dictionary<MembershipStatus, MembershipStatus[]> Allowed = new()
    {
        [MembershipStatus.Pending] = [MembershipStatus.Processing, MembershipStatus.Active, MembershipStatus.Ended],
        [MembershipStatus.Processing] = [MembershipStatus.Pending, MembershipStatus.Active, MembershipStatus.Ended],
        [MembershipStatus.Active] = [MembershipStatus.Overdue, MembershipStatus.Cancelling],
        [MembershipStatus.Overdue] = [MembershipStatus.Active, MembershipStatus.Lapsed, MembershipStatus.Cancelling],
        [MembershipStatus.Lapsed] = [MembershipStatus.Active, MembershipStatus.Ended],
        [MembershipStatus.Cancelling] = [MembershipStatus.Ended],
        [MembershipStatus.Ended] = [],
    };

    public static bool IsAllowed(MembershipStatus from, MembershipStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Statuses in which the person is a member (may attend member assemblies).</summary>
    public static bool IsMember(MembershipStatus status) =>
        status is MembershipStatus.Active or MembershipStatus.Overdue or MembershipStatus.Cancelling;
}
