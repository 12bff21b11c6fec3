using Kok.Domain.Dues;

namespace Kok.Domain.Tests.Dues;

public class DuesCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("2024-02-29", 2025, "2025-02-28")]
    [InlineData("2024-02-29", 2026, "2026-02-28")]
    [InlineData("2024-02-29", 2027, "2027-02-28")]
    [InlineData("2024-02-29", 2028, "2028-02-29")]
    [InlineData("2024-02-29", 2100, "2100-02-28")]
    [InlineData("2024-02-28", 2028, "2028-02-28")]
    [InlineData("2025-03-01", 2028, "2028-03-01")]
    [InlineData("2025-01-31", 2027, "2027-01-31")]
    [InlineData("2025-03-31", 2028, "2028-03-31")]
    [InlineData("2025-12-31", 2026, "2026-12-31")]
    [InlineData("2025-08-31", 2026, "2026-08-31")]
    public void Due_date_is_the_anniversary_with_29_February_on_28_February_in_common_years(
        string since, int year, string expected) =>
        Assert.Equal(D(expected), DuesCalendar.DueDateFor(D(since), year));

    [Theory]
    [InlineData("2024-02-29", "2025-02-27", "2025-02-28")]
    [InlineData("2024-02-29", "2027-02-27", "2027-02-28")]
    [InlineData("2024-02-29", "2027-02-28", "2028-02-29")]
    [InlineData("2024-02-29", "2028-02-28", "2028-02-29")]
    [InlineData("2024-02-29", "2028-02-29", "2029-02-28")]
    [InlineData("2025-01-31", "2026-01-30", "2026-01-31")]
    [InlineData("2025-12-31", "2026-12-30", "2026-12-31")]
    [InlineData("2025-12-31", "2026-12-31", "2027-12-31")]
    public void Next_due_date_is_the_first_anniversary_after_paid_through(string since, string paidThrough, string expected) =>
        Assert.Equal(D(expected), DuesCalendar.NextDueDate(D(since), D(paidThrough)));

    [Theory]
    [InlineData("2024-02-29", "2027-02-28", "2028-02-28")]
    [InlineData("2024-02-29", "2028-02-29", "2029-02-27")]
    [InlineData("2024-02-29", "2025-02-28", "2026-02-27")]
    [InlineData("2025-03-31", "2026-03-31", "2027-03-30")]
    [InlineData("2025-12-31", "2026-12-31", "2027-12-30")]
    [InlineData("2025-01-31", "2026-01-31", "2027-01-30")]
    public void Period_runs_to_the_day_before_the_next_anniversary(string since, string due, string end)
    {
        var period = DuesCalendar.PeriodFor(D(since), D(due));

        Assert.Equal(new DuesPeriod(D(due), D(end)), period);
        Assert.Equal(DuesCalendar.NextDueDate(D(since), D(end)), period.NextDueDate);
    }

    [Fact]
    public void Periods_of_a_29_February_joiner_are_gapless_across_leap_years()
    {
        var since = D("2024-02-29");
        var due = DuesCalendar.DueDateFor(since, 2025);
        for (var i = 0; i < 12; i++)
        {
            var period = DuesCalendar.PeriodFor(since, due);
            Assert.True(period.End > period.Start);
            Assert.Equal(DuesCalendar.DueDateFor(since, due.Year + 1), period.NextDueDate);
            due = period.NextDueDate;
        }

        Assert.Equal(D("2037-02-28"), due);
    }

    [Theory]
    [InlineData("2027-03-01", 14, "2027-02-15")]
    [InlineData("2028-03-01", 14, "2028-02-16")]
    [InlineData("2027-01-05", 14, "2026-12-22")]
    [InlineData("2027-03-01", 1, "2027-02-28")]
    public void Pre_notification_date_is_the_notice_period_before_the_due_date(string due, int days, string expected) =>
        Assert.Equal(D(expected), DuesCalendar.PreNotificationDate(D(due), new DuesPolicy { PreNotificationDays = days }));

    [Theory]
    [InlineData("2027-03-01", "2027-02-15", "2027-03-01")]
    [InlineData("2027-03-01", "2027-02-01", "2027-03-01")]
    [InlineData("2027-03-01", "2027-02-16", "2027-03-02")]
    [InlineData("2027-03-01", "2027-03-10", "2027-03-24")]
    public void Charge_date_never_comes_before_the_full_notice(string due, string notifiedOn, string expected) =>
        Assert.Equal(D(expected), DuesCalendar.ChargeDate(D(due), D(notifiedOn), DuesPolicy.Default));

    [Fact]
    public void Reminders_are_7_and_21_days_after_the_failed_charge_by_default() =>
        Assert.Equal([D("2027-03-11"), D("2027-03-25")], DuesCalendar.ReminderDates(D("2027-03-04"), DuesPolicy.Default));

    [Fact]
    public void Reminder_days_come_from_the_policy() =>
        Assert.Equal(
            [D("2027-03-05"), D("2027-03-14"), D("2027-04-03")],
            DuesCalendar.ReminderDates(D("2027-03-04"), new DuesPolicy { ReminderDays = [1, 10, 30] }));

    [Theory]
    [InlineData("2027-03-01", 90, "2027-05-30")]
    [InlineData("2027-12-31", 90, "2028-03-30")]
    [InlineData("2028-02-29", 1, "2028-03-01")]
    public void Lapse_date_counts_grace_from_the_due_date(string due, int grace, string expected) =>
        Assert.Equal(D(expected), DuesCalendar.LapseDate(D(due), new DuesPolicy { GraceDays = grace, ReminderDays = [] }));

    [Theory]
    // Lapsed after missing 2027-03-01, pays within the year: covers the missed year, anniversary unchanged.
    [InlineData("2025-03-01", "2027-06-10", "2027-03-01", "2028-02-29")]
    [InlineData("2025-03-01", "2028-02-29", "2027-03-01", "2028-02-29")]
    // Pays on the next anniversary or later: that year, nothing for the lapsed time.
    [InlineData("2025-03-01", "2028-03-01", "2028-03-01", "2029-02-28")]
    [InlineData("2025-03-01", "2030-01-15", "2029-03-01", "2030-02-28")]
    [InlineData("2024-02-29", "2027-05-01", "2027-02-28", "2028-02-28")]
    [InlineData("2024-02-29", "2028-02-29", "2028-02-29", "2029-02-27")]
    [InlineData("2025-12-31", "2027-02-01", "2026-12-31", "2027-12-30")]
    public void Reactivation_pays_for_the_anniversary_year_containing_the_payment(
        string since, string paidOn, string start, string end) =>
        Assert.Equal(new DuesPeriod(D(start), D(end)), DuesCalendar.ReactivationPeriod(D(since), D(paidOn)));

    [Fact]
    public void Reactivated_member_is_not_due_again_right_after_paying()
    {
        var since = D("2025-03-01");
        for (var paidOn = D("2027-03-01"); paidOn < D("2029-03-01"); paidOn = paidOn.AddDays(1))
        {
            var period = DuesCalendar.ReactivationPeriod(since, paidOn);
            Assert.True(period.Contains(paidOn));
            Assert.Equal(since.Month, period.NextDueDate.Month);
            Assert.Equal(since.Day, period.NextDueDate.Day);
        }
    }
}
