namespace Kok.Domain.Dashboard;

/// <summary>Members by status now; <see cref="Processing"/> are sign-ups whose first SEPA debit has not settled yet.</summary>
public sealed record MemberStatusCounts(long Pending, long Processing, long Active, long Overdue, long Lapsed, long Cancelling, long Ended)
{
    public static MemberStatusCounts From(DashboardCounters current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new MemberStatusCounts(
            current[DashboardCounter.MembersPending],
            current[DashboardCounter.MembersProcessing],
            current[DashboardCounter.MembersActive],
            current[DashboardCounter.MembersOverdue],
            current[DashboardCounter.MembersLapsed],
            current[DashboardCounter.MembersCancelling],
            current[DashboardCounter.MembersEnded]);
    }
}
