using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Membership;

namespace Kok.Domain.Tests.Dues;

/// <summary>The Member aggregate through its dues cycles: agenda dates, charge answers, webhooks, lapse, reactivation.</summary>
public sealed class MemberDuesTests
{
    private static readonly DuesPolicy Policy = DuesPolicy.Default;
    private static readonly DateOnly Due2027 = new(2027, 3, 1);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);

    private static Member ChargeRequested(PaymentMethodKind method = PaymentMethodKind.Card)
    {
        var member = MemberFixtures.ActiveMember(method);
        Assert.True(member.RecordPreNotification(new DateOnly(2027, 2, 15)));
        Assert.NotNull(member.RequestDuesCharge(Due2027));
        return member;
    }

    [Fact]
    public void Activation_schedules_the_pre_notification_14_days_before_the_first_anniversary()
    {
        var member = MemberFixtures.ActiveMember();

        Assert.Equal(new DateOnly(2026, 3, 1), member.MemberSince);
        Assert.Equal(new DateOnly(2027, 2, 28), member.PaidThrough);
        Assert.Equal(Due2027, member.NextDuesDate);
        Assert.Equal(new DuesAgendaChange(null, new DateOnly(2027, 2, 15)), member.RescheduleDues(Policy));
    }

    [Fact]
    public void The_agenda_follows_the_cycle_from_pre_notification_to_charge_to_nothing_while_in_flight()
    {
        var member = MemberFixtures.ActiveMember();
        member.RescheduleDues(Policy);

        Assert.True(member.RecordPreNotification(new DateOnly(2027, 2, 15)));
        Assert.False(member.RecordPreNotification(new DateOnly(2027, 2, 16)));
        Assert.Equal(Due2027, member.RescheduleDues(Policy).Current);
        Assert.Equal(Due2027, member.AnnouncedChargeDate(Policy));

        var entry = member.RequestDuesCharge(Due2027);
        Assert.NotNull(entry);
        Assert.Equal(new DuesPeriod(Due2027, new DateOnly(2028, 2, 29)), entry.Period);
        Assert.Equal(DuesEntryStatus.Pending, entry.Status);
        Assert.Null(member.RequestDuesCharge(Due2027));
        Assert.Null(member.RescheduleDues(Policy).Current);
    }

    [Fact]
    public void A_successful_charge_pays_the_period_moves_the_dues_date_on_and_asks_for_a_receipt()
    {
        var member = ChargeRequested();

        var events = member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Succeeded, "pi_d1"), At(Due2027));

        var paid = Assert.IsType<DuesPaid>(Assert.Single(events));
        Assert.Equal(member.DuesPaymentId(Due2027), paid.PaymentId);
        Assert.Equal(6000, paid.AmountCents);
        Assert.Equal(DuesEntryStatus.Paid, member.DuesEntryFor(Due2027)!.Status);
        Assert.Equal(PaymentStatus.Paid, member.Payments.Single(p => p.Id == paid.PaymentId).Status);
        Assert.Equal(new DateOnly(2028, 2, 29), member.PaidThrough);
        Assert.Equal(new DateOnly(2028, 3, 1), member.NextDuesDate);
        Assert.Equal(DuesCycle.Fresh, member.Dues);
        Assert.Equal(new DateOnly(2028, 2, 16), member.RescheduleDues(Policy).Current);
        Assert.Contains(new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_d1"), member.References);

        // The same answer again (redelivery) changes nothing and raises nothing.
        Assert.Empty(member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Succeeded, "pi_d1"), At(Due2027)));
    }

    [Theory]
    [InlineData(DuesChargeStatus.Failed, "card_declined")]
    [InlineData(DuesChargeStatus.RequiresAction, "authentication_required")]
    public void A_failed_or_unauthenticated_charge_makes_the_member_overdue_with_reminders_on_the_agenda(DuesChargeStatus status, string code)
    {
        var member = ChargeRequested();

        var events = member.RecordDuesCharge(Due2027, new DuesChargeResult(status, "pi_d1", code), At(Due2027));

        Assert.Equal(new DuesChargeFailed(MemberFixtures.MemberId, Due2027), Assert.Single(events));
        Assert.Equal(MembershipStatus.Overdue, member.Status);
        Assert.Equal(code, member.DuesEntryFor(Due2027)!.FailureCode);
        Assert.Equal(Due2027, member.Dues.LastFailedChargeOn);
        Assert.Equal(new DateOnly(2027, 3, 8), member.RescheduleDues(Policy).Current);

        Assert.True(member.RecordReminder(1));
        Assert.False(member.RecordReminder(1));
        Assert.Equal(new DateOnly(2027, 3, 22), member.RescheduleDues(Policy).Current);
        Assert.True(member.RecordReminder(2));
        Assert.Equal(new DateOnly(2027, 5, 30), member.RescheduleDues(Policy).Current);
    }

    [Fact]
    public void Sepa_stays_processing_until_the_webhook_settles_it_and_a_repeated_event_is_a_duplicate()
    {
        var member = ChargeRequested(PaymentMethodKind.SepaDebit);
        Assert.Empty(member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Processing, "pi_s1"), At(Due2027)));
        Assert.Equal(DuesEntryStatus.Processing, member.DuesEntryFor(Due2027)!.Status);
        Assert.Equal(MembershipStatus.Active, member.Status);

        var succeeded = new PaymentIntentSucceeded("evt_pi1", At(Due2027.AddDays(3)), MemberFixtures.Metadata, "pi_s1", 6000);
        var result = member.Apply(succeeded);

        Assert.IsType<DuesPaid>(Assert.Single(result.Events));
        Assert.Equal(DuesEntryStatus.Paid, member.DuesEntryFor(Due2027)!.Status);
        Assert.Equal(ApplyOutcome.Duplicate, member.Apply(succeeded).Outcome);
        Assert.Equal(ApplyOutcome.NoChange, member.Apply(succeeded with { EventId = "evt_pi1b" }).Outcome);
    }

    [Fact]
    public void A_returned_sepa_debit_makes_the_member_overdue()
    {
        var member = ChargeRequested(PaymentMethodKind.SepaDebit);
        member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Processing, "pi_s1"), At(Due2027));

        var result = member.Apply(new PaymentIntentFailed("evt_f1", At(Due2027.AddDays(5)), MemberFixtures.Metadata, "pi_s1", "insufficient_funds"));

        Assert.IsType<DuesChargeFailed>(Assert.Single(result.Events));
        Assert.Equal(MembershipStatus.Overdue, member.Status);
        Assert.Equal(Due2027.AddDays(5), member.Dues.LastFailedChargeOn);
    }

    [Fact]
    public void Payment_intent_events_of_checkouts_change_nothing()
    {
        var member = MemberFixtures.ActiveMember();

        var result = member.Apply(new PaymentIntentSucceeded("evt_x", At(Due2027), MemberFixtures.Metadata, "pi_m1", 6000));

        Assert.Equal(ApplyOutcome.NoChange, result.Outcome);
    }

    [Fact]
    public void An_overdue_member_who_pays_by_link_is_active_again_and_the_link_payment_counts_once()
    {
        var member = ChargeRequested();
        member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Failed, "pi_d1", "card_declined"), At(Due2027));
        Assert.Equal(new DuesPeriod(Due2027, new DateOnly(2028, 2, 29)), member.PayableDuesPeriod(Due2027.AddDays(10)));
        var metadata = new Dictionary<string, string> { ["memberId"] = MemberFixtures.MemberId, ["duesPeriod"] = "2027-03-01" };

        var result = member.Apply(new CheckoutCompleted("evt_link", At(Due2027.AddDays(10)), metadata, "cs_link", MemberFixtures.MemberId,
            Paid: true, SubscriptionMode: false, "pi_link", null, MemberFixtures.CustomerId, 6000));

        Assert.IsType<DuesPaid>(Assert.Single(result.Events));
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2028, 3, 1), member.NextDuesDate);
        Assert.Equal("pi_link", member.DuesEntryFor(Due2027)!.PaymentIntentId);
        Assert.Null(member.PayableDuesPeriod(Due2027.AddDays(10)));

        // The first checkout of the sign-up is left alone.
        Assert.Equal(PaymentStatus.Paid, member.FirstPayment!.Status);
    }

    [Fact]
    public void Unpaid_after_the_grace_period_the_member_lapses_is_kept_and_becomes_active_again_by_paying()
    {
        var member = ChargeRequested();
        member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Failed, "pi_d1", "card_declined"), At(Due2027));
        Assert.Equal(new DuesStep(DuesAction.Lapse), DuesRules.Decide(member.DuesState, new DateOnly(2027, 5, 30), Policy));

        Assert.True(member.Lapse(At(new DateOnly(2027, 5, 30))));
        Assert.False(member.Lapse(At(new DateOnly(2027, 5, 31))));
        Assert.Equal(MembershipStatus.Lapsed, member.Status);
        Assert.Null(member.RescheduleDues(Policy).Current);

        // Paying in 2028 after the anniversary pays the year that contains the payment day, not the missed one.
        var paidOn = new DateOnly(2028, 4, 10);
        var period = member.PayableDuesPeriod(paidOn)!.Value;
        Assert.Equal(new DuesPeriod(new DateOnly(2028, 3, 1), new DateOnly(2029, 2, 28)), period);
        var metadata = new Dictionary<string, string> { ["memberId"] = MemberFixtures.MemberId, ["duesPeriod"] = "2028-03-01" };
        member.Apply(new CheckoutCompleted("evt_back", At(paidOn), metadata, "cs_back", MemberFixtures.MemberId,
            Paid: true, SubscriptionMode: false, "pi_back", null, MemberFixtures.CustomerId, 6000));

        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2029, 2, 28), member.PaidThrough);
        Assert.Equal(new DateOnly(2029, 3, 1), member.NextDuesDate);
        Assert.Contains(member.StatusHistory, c => c.Status == MembershipStatus.Lapsed);
    }

    [Fact]
    public void Cancellation_stops_future_dues()
    {
        var member = MemberFixtures.ActiveMember();
        member.RescheduleDues(Policy);

        member.Cancel(At(new DateOnly(2026, 9, 1)), Member.CancelledByMember);

        Assert.Null(member.NextDuesDate);
        Assert.Equal(new DuesAgendaChange(new DateOnly(2027, 2, 15), null), member.RescheduleDues(Policy));
        Assert.False(member.RecordPreNotification(new DateOnly(2027, 2, 15)));
        Assert.Null(member.RequestDuesCharge(Due2027));
    }

    [Fact]
    public void Dues_state_survives_the_snapshot_and_snapshots_from_before_dues_still_load()
    {
        var member = ChargeRequested();
        member.RecordDuesCharge(Due2027, new DuesChargeResult(DuesChargeStatus.Failed, "pi_d1", "card_declined"), At(Due2027));
        member.RescheduleDues(Policy);

        var copy = Member.FromSnapshot(member.ToSnapshot());
        Assert.Equal(member.Dues, copy.Dues);
        Assert.Equal(member.DuesEntries, copy.DuesEntries);
        Assert.Equal(member.DuesAgendaDate, copy.DuesAgendaDate);

        var old = Member.FromSnapshot(MemberFixtures.ActiveMember().ToSnapshot() with { Dues = null, DuesEntries = null, DuesAgendaDate = null });
        Assert.Equal(DuesCycle.Fresh, old.Dues);
        Assert.Empty(old.DuesEntries);
    }

    [Fact]
    public void A_member_who_joined_on_29_february_is_charged_on_28_february_in_common_years()
    {
        var member = Member.Create(MemberFixtures.MemberId, MemberFixtures.Request(method: PaymentMethodKind.Card), new DateTimeOffset(2028, 2, 29, 10, 0, 0, TimeSpan.Zero));
        member.AttachCheckout(new CheckoutSession(MemberFixtures.SessionId, MemberFixtures.CheckoutUrl));
        member.Apply(new CheckoutCompleted("evt_leap", new DateTimeOffset(2028, 2, 29, 10, 0, 0, TimeSpan.Zero), MemberFixtures.Metadata,
            MemberFixtures.SessionId, MemberFixtures.MemberId, true, false, "pi_leap", null, MemberFixtures.CustomerId, 6000));

        Assert.Equal(new DateOnly(2029, 2, 27), member.PaidThrough);
        Assert.Equal(new DateOnly(2029, 2, 28), member.NextDuesDate);
        Assert.Equal(new DateOnly(2029, 2, 14), member.RescheduleDues(Policy).Current);
    }
}
