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

    /// <summary>
    /// The first day from which <see cref="Decide"/> will return a step for <paramref name="member"/> if nothing else
    /// happens to it, or null when it never will (not active or overdue, cancelled, or a charge in flight whose outcome
    /// will move it). The dues index keeps each member under this one date, so a day's run reads only those due.
    /// </summary>
    public static DateOnly? AgendaDate(DuesMemberState member, DuesPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(policy);
        if (member.NextDuesDate is not { } due)
        {
            return null;
        }

        switch (member.Status)
        {
            case MembershipStatus.Active when member.PreNotifiedOn is null:
                return DuesCalendar.PreNotificationDate(due, policy);
            case MembershipStatus.Active when member.ChargeRequestedOn is null:
                return DuesCalendar.ChargeDate(due, member.PreNotifiedOn.Value, policy);
            case MembershipStatus.Overdue:
                var lapseOn = DuesCalendar.LapseDate(due, policy);
                var reminders = DuesCalendar.ReminderDates(member.LastFailedChargeOn ?? due, policy);
                return member.RemindersSent < reminders.Count && reminders[member.RemindersSent] < lapseOn
                    ? reminders[member.RemindersSent]
                    : lapseOn;
            default:
                return null;
        }
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
