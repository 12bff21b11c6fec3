using Kok.Domain.Mail;

namespace Kok.Domain.Dashboard;

/// <summary>
/// A mail the mail service refused for good (<see cref="MailLogState.Failed"/>, final) adds 1 to <c>mailsFailed</c>
/// in the (Berlin) year it failed; other mails add nothing. Mails still being retried show in the poison queue counts
/// once they give up, not here.
/// </summary>
public static class MailContribution
{
    public static string EntityId(MailLogKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"mail:{key.SubjectId}:{key.Kind}";
    }

    public static DashboardContribution Of(MailLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.State != MailLogState.Failed)
        {
            return DashboardContribution.None;
        }

        var year = DashboardScope.YearOf(entry.CompletedAt ?? entry.LastAttemptAt);
        return DashboardContribution.None.With(year, DashboardCounter.MailsFailed, 1);
    }
}
