using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// The daily dues run's decision for one member. Pure: the same state and day give the same single step, so a run
/// that missed days simply does today what is due now.
/// </summary>
public static class DuesRules
{
    /// <summary>
    /// <list type="bullet">
    /// <item>Pending, processing, lapsed, cancelling and ended members get nothing: cancellation stops future dues, and
    /// a lapsed member becomes active again only by paying (<see cref="DuesCalendar.ReactivationPeriod"/>).</item>
    /// <item>Active, not yet pre-notified: from <see cref="DuesCalendar.PreNotificationDate"/> on, pre-notify. When
    /// that day was missed the charge moves to today + <see cref="DuesPolicy.PreNotificationDays"/>; it never happens
    /// without the full notice.</item>
    /// <item>Active, pre-notified: charge from <see cref="DuesCalendar.ChargeDate"/> on, once (nothing while a
    /// requested charge is in flight).</item>
    /// <item>Overdue: lapse from <see cref="DuesCalendar.LapseDate"/> on; before that, send the latest reminder that is
    /// due and not yet sent. After missed runs earlier reminders are skipped rather than sent on consecutive days.</item>
    /// </list>
    /// </summary>
    public static DuesStep Decide(DuesMemberState member, DateOnly today, DuesPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(policy);
        if (member.NextDuesDate is not { } due)
        {
            return DuesStep.None;
        }

        return member.Status switch
        {
            MembershipStatus.Active => DecideActive(member, due, today, policy),
            MembershipStatus.Overdue => DecideOverdue(member, due, today, policy),
            _ => DuesStep.None,
        };
    }

    private static DuesStep DecideActive(DuesMemberState member, DateOnly due, DateOnly today, DuesPolicy policy)
    {
        if (member.PreNotifiedOn is not { } notifiedOn)
        {
            return today >= DuesCalendar.PreNotificationDate(due, policy)
                ? DuesStep.PreNotify(DuesCalendar.ChargeDate(due, today, policy))
                : DuesStep.None;
        }

        if (member.ChargeRequestedOn is not null)
        {
            return DuesStep.None;
        }

        var chargeOn = DuesCalendar.ChargeDate(due, notifiedOn, policy);
        return today >= chargeOn ? DuesStep.Charge(chargeOn) : DuesStep.None;
    }

    private static DuesStep DecideOverdue(DuesMemberState member, DateOnly due, DateOnly today, DuesPolicy policy)
    {
        if (today >= DuesCalendar.LapseDate(due, policy))
        {
            return DuesStep.Lapse;
        }

        // Without a recorded failure the due date is the best stand-in for when collecting failed.
        var reminderDates = DuesCalendar.ReminderDates(member.LastFailedChargeOn ?? due, policy);
        var latestDue = 0;
        for (var n = 1; n <= reminderDates.Count; n++)
        {
            if (reminderDates[n - 1] <= today)
            {
                latestDue = n;
            }
        }

        return latestDue > member.RemindersSent ? DuesStep.Remind(latestDue) : DuesStep.None;
    }
}
