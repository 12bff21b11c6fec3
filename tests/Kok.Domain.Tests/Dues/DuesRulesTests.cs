using Kok.Domain.Dues;
using Kok.Domain.Membership;

namespace Kok.Domain.Tests.Dues;

public class DuesRulesTests
{
    private static readonly DateOnly Due = new(2027, 3, 1);
    private static readonly DateOnly FailedOn = new(2027, 3, 4);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DuesStep Decide(DuesMemberState member, string today) =>
        DuesRules.Decide(member, D(today), DuesPolicy.Default);

    private static DuesMemberState Active(DateOnly? preNotifiedOn = null, DateOnly? chargeRequestedOn = null) =>
        new(MembershipStatus.Active, Due, preNotifiedOn, chargeRequestedOn);

    private static DuesMemberState Overdue(int remindersSent, DateOnly? failedOn = null) =>
        new(MembershipStatus.Overdue, Due, Due.AddDays(-14), Due, failedOn ?? FailedOn, remindersSent);

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2027-02-13")]
    [InlineData("2027-02-14")] // 15 days before
    public void Nothing_before_the_pre_notification_window(string today) =>
        Assert.Equal(DuesStep.None, Decide(Active(), today));

    [Fact]
    public void Pre_notification_goes_out_exactly_14_days_before_and_announces_the_due_date() =>
        Assert.Equal(DuesStep.PreNotify(Due), Decide(Active(), "2027-02-15"));

    [Theory]
    [InlineData("2027-02-16", "2027-03-02")] // 13 days before: the 14-day run was missed
    [InlineData("2027-02-28", "2027-03-14")]
    [InlineData("2027-03-01", "2027-03-15")]
    [InlineData("2027-04-20", "2027-05-04")]
    public void Missed_pre_notification_moves_the_charge_to_full_notice_from_today(string today, string chargeOn) =>
        Assert.Equal(DuesStep.PreNotify(D(chargeOn)), Decide(Active(), today));

    [Theory]
    [InlineData("2027-02-15")]
    [InlineData("2027-02-28")]
    public void Pre_notified_member_waits_for_the_due_date(string today) =>
        Assert.Equal(DuesStep.None, Decide(Active(preNotifiedOn: D("2027-02-15")), today));

    [Theory]
    [InlineData("2027-03-01")]
    [InlineData("2027-03-05")] // a missed charge day still charges, once
    public void Charge_on_and_after_the_due_date(string today) =>
        Assert.Equal(DuesStep.Charge(Due), Decide(Active(preNotifiedOn: D("2027-02-15")), today));

    [Theory]
    [InlineData("2027-03-01", null)]
    [InlineData("2027-03-13", null)]
    [InlineData("2027-03-14", "2027-03-14")]
    [InlineData("2027-03-20", "2027-03-14")]
    public void Late_pre_notification_charges_only_after_the_full_notice(string today, string? chargeOn)
    {
        var step = Decide(Active(preNotifiedOn: D("2027-02-28")), today);

        Assert.Equal(chargeOn is null ? DuesStep.None : DuesStep.Charge(D(chargeOn)), step);
    }

    [Fact]
    public void Charge_in_flight_is_not_requested_again() =>
        Assert.Equal(DuesStep.None, Decide(Active(D("2027-02-15"), chargeRequestedOn: Due), "2027-03-03"));

    [Theory]
    [InlineData("2027-03-04", 0, null)]
    [InlineData("2027-03-10", 0, null)] // day 6
    [InlineData("2027-03-11", 0, 1)] // day 7
    [InlineData("2027-03-12", 0, 1)] // day 8, missed day 7
    [InlineData("2027-03-12", 1, null)]
    [InlineData("2027-03-24", 1, null)] // day 20
    [InlineData("2027-03-25", 1, 2)] // day 21
    [InlineData("2027-03-26", 1, 2)]
    [InlineData("2027-03-26", 2, null)]
    [InlineData("2027-03-26", 0, 2)] // both missed: only the latest, no two reminders on consecutive days
    [InlineData("2027-05-28", 2, null)]
    public void Reminders_7_and_21_days_after_the_failed_charge(string today, int sent, int? reminder)
    {
        var step = Decide(Overdue(sent), today);

        Assert.Equal(reminder is { } n ? DuesStep.Remind(n) : DuesStep.None, step);
    }

    [Theory]
    [InlineData("2027-05-29", false)] // day 89
    [InlineData("2027-05-30", true)] // day 90
    [InlineData("2027-05-31", true)] // day 91
    [InlineData("2027-09-01", true)] // a long-missed run
    public void Lapse_90_days_after_the_due_date(string today, bool lapse) =>
        Assert.Equal(lapse ? DuesStep.Lapse : DuesStep.None, Decide(Overdue(2), today));

    [Fact]
    public void Lapse_wins_over_an_unsent_reminder() =>
        Assert.Equal(DuesStep.Lapse, Decide(Overdue(0, failedOn: D("2027-05-20")), "2027-05-30"));

    [Fact]
    public void Grace_counts_from_the_due_date_not_the_failed_charge() =>
        Assert.Equal(DuesStep.Lapse, Decide(Overdue(0, failedOn: D("2027-04-01")), "2027-05-30"));

    [Fact]
    public void Overdue_without_recorded_failure_counts_reminders_from_the_due_date() =>
        Assert.Equal(
            DuesStep.Remind(1),
            DuesRules.Decide(new DuesMemberState(MembershipStatus.Overdue, Due), D("2027-03-08"), DuesPolicy.Default));

    [Theory]
    [InlineData(MembershipStatus.Pending)]
    [InlineData(MembershipStatus.Processing)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Cancelling)]
    [InlineData(MembershipStatus.Ended)]
    public void Only_active_and_overdue_members_are_in_the_dues_run(MembershipStatus status)
    {
        foreach (var today in new[] { "2027-02-15", "2027-03-01", "2027-03-11", "2027-05-30", "2028-03-01" })
        {
            Assert.Equal(DuesStep.None, Decide(new DuesMemberState(status, Due), today));
            Assert.Equal(DuesStep.None, Decide(new DuesMemberState(status, Due, D("2027-02-15")), today));
            Assert.Equal(DuesStep.None, Decide(new DuesMemberState(status, Due, D("2027-02-15"), Due, FailedOn), today));
        }
    }

    [Theory]
    [InlineData(MembershipStatus.Active)]
    [InlineData(MembershipStatus.Overdue)]
    public void Cancellation_clears_the_next_dues_date_and_so_stops_future_dues(MembershipStatus status)
    {
        // Member.Cancel sets NextDuesDate to null; without a due date nothing is ever charged or reminded.
        var cancelled = new DuesMemberState(status, NextDuesDate: null, D("2027-02-15"), Due, FailedOn, 1);

        for (var today = D("2027-01-01"); today <= D("2028-12-31"); today = today.AddDays(1))
        {
            Assert.Equal(DuesStep.None, DuesRules.Decide(cancelled, today, DuesPolicy.Default));
        }
    }

    [Fact]
    public void Daily_runs_with_a_gap_do_each_step_once_and_in_order()
    {
        var policy = DuesPolicy.Default;
        var member = new DuesMemberState(MembershipStatus.Active, Due);
        var log = new List<string>();
        for (var today = D("2027-02-01"); today <= D("2027-06-30"); today = today.AddDays(1))
        {
            if (today >= D("2027-02-10") && today <= D("2027-02-20"))
            {
                continue; // the timer did not run
            }

            var step = DuesRules.Decide(member, today, policy);
            switch (step.Action)
            {
                case DuesAction.SendPreNotification:
                    log.Add($"{today:MM-dd} pre-notify for {step.ChargeOn:MM-dd}");
                    member = member with { PreNotifiedOn = today };
                    break;
                case DuesAction.Charge:
                    log.Add($"{today:MM-dd} charge");
                    member = member with { ChargeRequestedOn = today };
                    break;
                case DuesAction.SendReminder:
                    log.Add($"{today:MM-dd} reminder {step.ReminderNumber}");
                    member = member with { RemindersSent = step.ReminderNumber!.Value };
                    break;
                case DuesAction.Lapse:
                    log.Add($"{today:MM-dd} lapse");
                    member = member with { Status = MembershipStatus.Lapsed };
                    break;
            }

            if (today == D("2027-03-09"))
            {
                member = member with { Status = MembershipStatus.Overdue, LastFailedChargeOn = today }; // the debit bounced
            }
        }

        Assert.Equal(
            [
                "02-21 pre-notify for 03-07",
                "03-07 charge",
                "03-16 reminder 1",
                "03-30 reminder 2",
                "05-30 lapse",
            ],
            log);
    }

    [Fact]
    public void Paid_member_moves_to_the_next_cycle_and_is_left_alone_until_its_window()
    {
        var since = D("2024-02-29");
        var paid = DuesCalendar.PeriodFor(since, DuesCalendar.DueDateFor(since, 2027));
        var next = new DuesMemberState(MembershipStatus.Active, paid.NextDueDate);

        Assert.Equal(D("2028-02-29"), paid.NextDueDate);
        Assert.Equal(DuesStep.None, DuesRules.Decide(next, D("2028-02-14"), DuesPolicy.Default));
        Assert.Equal(DuesStep.PreNotify(D("2028-02-29")), DuesRules.Decide(next, D("2028-02-15"), DuesPolicy.Default));
    }

    [Fact]
    public void Reactivated_member_is_left_alone_until_the_next_anniversary_window()
    {
        var since = D("2025-03-01");
        var period = DuesCalendar.ReactivationPeriod(since, D("2027-07-15"));
        var reactivated = new DuesMemberState(MembershipStatus.Active, period.NextDueDate);

        Assert.Equal(D("2028-03-01"), period.NextDueDate);
        Assert.Equal(DuesStep.None, DuesRules.Decide(reactivated, D("2027-07-16"), DuesPolicy.Default));
        Assert.Equal(DuesStep.None, DuesRules.Decide(reactivated, D("2028-02-15"), DuesPolicy.Default));
        Assert.Equal(DuesStep.PreNotify(D("2028-03-01")), DuesRules.Decide(reactivated, D("2028-02-16"), DuesPolicy.Default));
    }

    [Fact]
    public void Decide_refuses_missing_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => DuesRules.Decide(null!, Due, DuesPolicy.Default));
        Assert.Throws<ArgumentNullException>(() => DuesRules.Decide(Active(), Due, null!));
    }
}
