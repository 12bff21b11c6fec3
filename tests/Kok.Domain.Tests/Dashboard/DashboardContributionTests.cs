using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Membership;

namespace Kok.Domain.Tests.Dashboard;

public class DashboardContributionTests
{
    [Fact]
    public void Pending_sign_up_counts_only_its_status()
    {
        var contribution = MemberContribution.Of(MemberFixtures.NewMember());

        var scope = Assert.Single(contribution.Scopes);
        Assert.Equal(DashboardScope.Current, scope.Key);
        Assert.Equal(1, scope.Value[DashboardCounter.MembersPending]);
        Assert.Single(scope.Value.Values);
    }

    [Fact]
    public void Active_member_is_new_and_has_paid_first_year_dues_in_its_year()
    {
        var contribution = MemberContribution.Of(MemberFixtures.ActiveMember());

        Assert.Equal(1, contribution[DashboardScope.Current][DashboardCounter.MembersActive]);
        var year = contribution["2026"];
        Assert.Equal(1, year[DashboardCounter.NewMembers]);
        Assert.Equal(6000, year[DashboardCounter.DuesExpectedCents]);
        Assert.Equal(6000, year[DashboardCounter.DuesCollectedCents]);
        Assert.Equal(0, year[DashboardCounter.Endings]);
    }

    [Fact]
    public void Cancelling_member_ends_in_the_year_of_its_end()
    {
        var member = MemberFixtures.ActiveMember();
        member.Cancel(MemberFixtures.T0.AddDays(10), Member.CancelledByMember);

        var contribution = MemberContribution.Of(member);

        Assert.Equal(1, contribution[DashboardScope.Current][DashboardCounter.MembersCancelling]);
        Assert.Equal(0, contribution[DashboardScope.Current][DashboardCounter.MembersActive]);
        Assert.Equal(1, contribution[DashboardScope.Year(member.EndsOn!.Value.Year)][DashboardCounter.Endings]);
    }

    [Fact]
    public void Refunded_one_time_donation_adds_nothing_and_monthly_counts_each_invoice_apart()
    {
        var once = DonationFixtures.NewDonation();
        once.Apply(DonationFixtures.Completed("evt_1", paid: true));
        Assert.Equal(1, DonationContribution.Of(once)["2025"][DashboardCounter.OneTimeDonations]);
        Assert.Equal(2550, DonationContribution.Of(once)["2025"][DashboardCounter.OneTimeDonationCents]);

        once.Apply(DonationFixtures.Refunded("evt_2"));
        Assert.True(DonationContribution.Of(once).IsEmpty);

        var monthly = DonationFixtures.NewDonation(DonationInterval.Monthly, amountCents: 1000);
        monthly.Apply(DonationFixtures.CompletedSubscription("evt_s", paid: true));
        monthly.Apply(DonationFixtures.Invoice("evt_i0", 0));
        monthly.Apply(DonationFixtures.Invoice("evt_i1", 1));
        var year = DonationContribution.Of(monthly)["2025"];
        Assert.Equal(2, year[DashboardCounter.MonthlyDonations]);
        Assert.Equal(2000, year[DashboardCounter.MonthlyDonationCents]);
        Assert.Equal(0, year[DashboardCounter.OneTimeDonations]);
    }

    [Fact]
    public void Partial_refund_lowers_the_sum_but_keeps_the_count()
    {
        var donation = DonationFixtures.NewDonation();
        donation.Apply(DonationFixtures.Completed("evt_1", paid: true));
        donation.Apply(DonationFixtures.Refunded("evt_2", amount: 550, fully: false));

        var year = DonationContribution.Of(donation)["2025"];
        Assert.Equal(1, year[DashboardCounter.OneTimeDonations]);
        Assert.Equal(2000, year[DashboardCounter.OneTimeDonationCents]);
    }

    [Fact]
    public void Delta_moves_status_counts_and_is_empty_for_the_same_state()
    {
        var member = MemberFixtures.NewMember();
        var before = MemberContribution.Of(member);
        member.Apply(MemberFixtures.Completed("evt_paid", paid: true, minute: 0));
        var after = MemberContribution.Of(member);

        var delta = DashboardContribution.Delta(before, after);

        Assert.Equal(-1, delta[DashboardScope.Current][DashboardCounter.MembersPending]);
        Assert.Equal(1, delta[DashboardScope.Current][DashboardCounter.MembersActive]);
        Assert.Equal(1, delta["2026"][DashboardCounter.NewMembers]);
        Assert.True(DashboardContribution.Delta(after, MemberContribution.Of(member)).IsEmpty);
        Assert.Equal(after, DashboardContribution.Sum([before, delta]));
    }

    [Fact]
    public void Delta_to_nothing_takes_back_every_scope()
    {
        var contribution = MemberContribution.Of(MemberFixtures.ActiveMember());

        var delta = DashboardContribution.Delta(contribution, DashboardContribution.None);

        Assert.True(DashboardContribution.Sum([contribution, delta]).IsEmpty);
        Assert.Equal(-6000, delta["2026"][DashboardCounter.DuesCollectedCents]);
    }

    [Fact]
    public void Failed_mail_counts_in_its_year_and_other_states_not()
    {
        var key = new MailLogKey(MailKind.DonationThankYou, "donation:don_x:pay_y");
        var at = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var pending = MailLogEntry.Begin(key, at, TimeSpan.FromMinutes(1));
        Assert.True(MailContribution.Of(pending).IsEmpty);

        var failed = pending.MarkFailed("bounced", null, at);

        // 23:30 UTC on 31 December is New Year in Berlin.
        Assert.Equal(1, MailContribution.Of(failed)["2027"][DashboardCounter.MailsFailed]);
        Assert.Equal(1, ReceiptContribution.Of(new DateOnly(2026, 5, 1))["2026"][DashboardCounter.ReceiptsIssued]);
    }

    [Theory]
    [InlineData("2026", true)]
    [InlineData("1999", false)]
    [InlineData("20x6", false)]
    [InlineData("-2026", false)]
    [InlineData("", false)]
    public void Year_parsing_accepts_plain_years_only(string text, bool ok) =>
        Assert.Equal(ok, DashboardScope.TryParseYear(text, out _));

    [Fact]
    public void Counters_drop_zeroes_so_equal_values_compare_equal()
    {
        var a = DashboardCounters.Empty.With("x", 2).With("y", 1).With("y", -1);
        var b = DashboardCounters.From([new("x", 2)]);

        Assert.Equal(a, b);
        Assert.Single(a.Values);
    }
}
