using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class MemberTransitionTests
{
    [Fact]
    public void New_member_is_pending_with_consent_recorded()
    {
        var member = NewMember();

        Assert.Equal(MembershipStatus.Pending, member.Status);
        Assert.Equal(new PrivacyConsent(PrivacyNotice.CurrentVersion, T0, ListPublicly: false), member.Consent);
        Assert.Equal([new MembershipStatusChange(MembershipStatus.Pending, T0, "signed up")], member.StatusHistory);
    }

    [Fact]
    public void Paid_card_checkout_activates_with_one_year_paid()
    {
        var member = NewMember(method: PaymentMethodKind.Card);

        var result = member.Apply(Completed("evt_1", paid: true, minute: 0));

        Assert.Equal(ApplyOutcome.Changed, result.Outcome);
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), member.MemberSince);
        Assert.Equal(new DateOnly(2027, 2, 28), member.PaidThrough);
        Assert.Equal(new DateOnly(2027, 3, 1), member.NextDuesDate);
        Assert.Equal(CustomerId, member.CustomerId);
        var activated = Assert.IsType<MemberActivated>(Assert.Single(result.Events));
        Assert.Equal(member.FirstPayment!.Id, activated.PaymentId);
        Assert.Equal(PaymentStatus.Paid, member.FirstPayment.Status);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_m1")], result.NewReferences);
    }

    [Fact]
    public void Member_since_is_the_berlin_date()
    {
        var member = NewMember(method: PaymentMethodKind.Card);

        // 23:30 UTC on 28 February is already 1 March in Berlin.
        member.Apply(Completed("evt_1", paid: true, minute: -(10 * 60 + 30)));

        Assert.Equal(new DateOnly(2026, 3, 1), member.MemberSince);
    }

    [Fact]
    public void Sepa_is_processing_until_settled_then_active()
    {
        var member = NewMember();

        Assert.Empty(member.Apply(Completed("evt_1", paid: false)).Events);
        Assert.Equal(MembershipStatus.Processing, member.Status);

        var settled = member.Apply(Succeeded("evt_2"));
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.IsType<MemberActivated>(Assert.Single(settled.Events));
        Assert.Equal(new DateOnly(2026, 3, 4), member.MemberSince);
        Assert.Equal(
            [MembershipStatus.Pending, MembershipStatus.Processing, MembershipStatus.Active],
            member.StatusHistory.Select(h => h.Status));
    }

    [Fact]
    public void Failed_first_debit_leaves_the_membership_pending()
    {
        var member = NewMember();
        member.Apply(Completed("evt_1", paid: false));

        var failed = member.Apply(Failed("evt_2"));

        Assert.Equal(MembershipStatus.Pending, member.Status);
        Assert.IsType<FirstPaymentFailed>(Assert.Single(failed.Events));
        Assert.Null(member.MemberSince);
    }

    [Fact]
    public void Any_order_of_settlement_events_ends_in_the_same_state()
    {
        var events = new PaymentEvent[] { Completed("evt_1", paid: false), Succeeded("evt_2") };
        var inOrder = NewMember();
        var reversed = NewMember();
        foreach (var e in events)
        {
            inOrder.Apply(e);
        }

        foreach (var e in events.Reverse())
        {
            reversed.Apply(e);
        }

        Assert.Equal(inOrder.Status, reversed.Status);
        Assert.Equal(inOrder.MemberSince, reversed.MemberSince);
        Assert.Equal(inOrder.FirstPayment!.ToSnapshot(), reversed.FirstPayment!.ToSnapshot());
    }

    [Fact]
    public void Same_event_twice_is_a_duplicate()
    {
        var member = NewMember();
        member.Apply(Completed("evt_1", paid: false));

        Assert.Equal(ApplyOutcome.Duplicate, member.Apply(Completed("evt_1", paid: false)).Outcome);
        Assert.Equal(ApplyOutcome.NoChange, member.Apply(Completed("evt_other", paid: false)).Outcome);
    }

    [Fact]
    public void Foreign_session_is_ignored()
    {
        var member = NewMember();
        var foreign = Completed("evt_1", paid: true) with { SessionId = "cs_other" };

        Assert.Equal(ApplyOutcome.NoChange, member.Apply(foreign).Outcome);
        Assert.Equal(MembershipStatus.Pending, member.Status);
    }

    [Fact]
    public void Cancelling_an_active_membership_runs_to_the_end_of_the_paid_period()
    {
        var member = ActiveMember();

        Assert.Equal(MemberCancellation.WillEnd, member.Cancel(T0.AddMonths(2), Member.CancelledByMember));

        Assert.Equal(MembershipStatus.Cancelling, member.Status);
        Assert.Equal(new DateOnly(2027, 3, 1), member.EndsOn);
        Assert.Null(member.NextDuesDate);
        Assert.Equal(MemberCancellation.AlreadyCancelled, member.Cancel(T0.AddMonths(3), Member.CancelledByMember));
        Assert.False(member.EndIfDue(new DateTimeOffset(2027, 2, 28, 12, 0, 0, TimeSpan.Zero)));
        Assert.True(member.EndIfDue(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero)));
        Assert.Equal(MembershipStatus.Ended, member.Status);
        Assert.Equal(MemberCancellation.AlreadyCancelled, member.Cancel(T0.AddYears(2), "staff:x"));
    }

    [Fact]
    public void Cancelling_before_paying_ends_at_once()
    {
        var member = NewMember();

        Assert.Equal(MemberCancellation.EndedNow, member.Cancel(T0.AddHours(1), "staff:s1"));

        Assert.Equal(MembershipStatus.Ended, member.Status);
        Assert.Equal("staff:s1", member.CancelledBy);

        // Money that still arrives is recorded for staff to refund; the membership stays ended.
        member.Apply(Completed("evt_late", paid: true));
        Assert.Equal(MembershipStatus.Ended, member.Status);
        Assert.Equal(PaymentStatus.Paid, member.FirstPayment!.Status);
    }

    [Theory]
    [InlineData(MembershipStatus.Pending, MembershipStatus.Active, true)]
    [InlineData(MembershipStatus.Active, MembershipStatus.Cancelling, true)]
    [InlineData(MembershipStatus.Cancelling, MembershipStatus.Ended, true)]
    [InlineData(MembershipStatus.Overdue, MembershipStatus.Lapsed, true)]
    [InlineData(MembershipStatus.Ended, MembershipStatus.Active, false)]
    [InlineData(MembershipStatus.Active, MembershipStatus.Pending, false)]
    [InlineData(MembershipStatus.Cancelling, MembershipStatus.Active, false)]
    public void Transitions_follow_the_documented_machine(MembershipStatus from, MembershipStatus to, bool allowed) =>
        Assert.Equal(allowed, MembershipTransitions.IsAllowed(from, to));

    [Fact]
    public void Snapshot_round_trip_keeps_everything()
    {
        var member = ActiveMember();
        member.Cancel(T0.AddDays(5), Member.CancelledByMember);

        var copy = Member.FromSnapshot(member.ToSnapshot());

        Assert.Equivalent(member.ToSnapshot(), copy.ToSnapshot(), strict: true);
    }
}
