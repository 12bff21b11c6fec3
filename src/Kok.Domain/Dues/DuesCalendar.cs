namespace Kok.Domain.Dues;

/// <summary>
/// Calendar rules for yearly dues. Dues fall due on the anniversary of joining (<c>MemberSince</c>), every year
/// computed afresh from the joining date, never chained from the previous due date, so a member who joined on
/// 29 February is due on 29 February again in every leap year.
/// </summary>
public static class DuesCalendar
{
    /// <summary>
    /// The anniversary of <paramref name="memberSince"/> in <paramref name="year"/>. An anniversary that does not exist
    /// in that year falls on the last day of the month, as § 188 (3) BGB does for periods in years: 29 February is
    /// due on 28 February in non-leap years. (The 31st exists in every anniversary month, so 31 Jan/Mar/Dec stay put.)
    /// </summary>
    public static DateOnly DueDateFor(DateOnly memberSince, int year)
    {
        var day = Math.Min(memberSince.Day, DateTime.DaysInMonth(year, memberSince.Month));
        return new DateOnly(year, memberSince.Month, day);
    }

    /// <summary>The first anniversary after <paramref name="paidThrough"/>: the day dues fall due next.</summary>
    public static DateOnly NextDueDate(DateOnly memberSince, DateOnly paidThrough)
    {
        var candidate = DueDateFor(memberSince, paidThrough.Year);
        return candidate > paidThrough ? candidate : DueDateFor(memberSince, paidThrough.Year + 1);
    }

    /// <summary>
    /// The membership year starting on <paramref name="dueDate"/>: up to the day before the next anniversary. Taking
    /// the joining date (rather than <c>dueDate + 1 year - 1 day</c>) keeps periods gapless for 29 February joiners:
    /// 2027-02-28 … 2028-02-28, then 2028-02-29 … 2029-02-27.
    /// </summary>
    public static DuesPeriod PeriodFor(DateOnly memberSince, DateOnly dueDate) =>
        new(dueDate, DueDateFor(memberSince, dueDate.Year + 1).AddDays(-1));

    /// <summary>The day the pre-notification for <paramref name="dueDate"/> is sent at the latest on time.</summary>
    public static DateOnly PreNotificationDate(DateOnly dueDate, DuesPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return dueDate.AddDays(-policy.PreNotificationDays);
    }

    /// <summary>
    /// The day the debit may be collected: the due date, or — when the pre-notification went out late (a missed run) —
    /// <see cref="DuesPolicy.PreNotificationDays"/> after it was sent, because SEPA forbids collecting earlier.
    /// </summary>
    public static DateOnly ChargeDate(DateOnly dueDate, DateOnly preNotifiedOn, DuesPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var earliest = preNotifiedOn.AddDays(policy.PreNotificationDays);
        return earliest > dueDate ? earliest : dueDate;
    }

    /// <summary>The days reminders go out after a charge failed on <paramref name="failedOn"/>, in order.</summary>
    public static IReadOnlyList<DateOnly> ReminderDates(DateOnly failedOn, DuesPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.ReminderDays.Select(failedOn.AddDays)];
    }

    /// <summary>
    /// The day unpaid dues make the member lapsed. Grace counts from the due date, not from the failed charge, so a
    /// late pre-notification or a slow bank return does not stretch the membership without pay.
    /// </summary>
    public static DateOnly LapseDate(DateOnly dueDate, DuesPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return dueDate.AddDays(policy.GraceDays);
    }

    /// <summary>
    /// The period a lapsed member's payment on <paramref name="paidOn"/> pays for: the anniversary year containing the
    /// payment day. The anniversary stays the joining day; nothing is charged for the time the member was lapsed, and
    /// the member is never due again right after paying. Paid within a year of the missed due date (the usual case),
    /// this is exactly the year that started on the missed due date.
    /// </summary>
    public static DuesPeriod ReactivationPeriod(DateOnly memberSince, DateOnly paidOn)
    {
        var start = DueDateFor(memberSince, paidOn.Year);
        if (start > paidOn)
        {
            start = DueDateFor(memberSince, paidOn.Year - 1);
        }

        return PeriodFor(memberSince, start);
    }
}
