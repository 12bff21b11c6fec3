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
    public void Member_dues_paid_in_March_count_in_the_month_and_the_year()
    {
        var contribution = MemberContribution.Of(MemberFixtures.ActiveMember());

        Assert.Equal(6000, contribution["2026"][DashboardCounter.DuesCollectedCents]);
        // The month carries the money only: no expected dues, no new-member count.
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.DuesCollectedCents, 6000), contribution["2026-03"]);
        Assert.DoesNotContain(contribution.Scopes.Keys, s => s.StartsWith("2026-", StringComparison.Ordinal) && s != "2026-03");
    }

    [Fact]
    public void Donation_paid_in_March_counts_in_the_month_until_refunded_and_a_redelivered_event_moves_nothing()
    {
        var donation = DonationFixtures.NewDonation();
        donation.Apply(DonationFixtures.Completed("evt_1", paid: true));
        var paid = DonationContribution.Of(donation);
        Assert.Equal(2550, paid["2025"][DashboardCounter.OneTimeDonationCents]);
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.OneTimeDonationCents, 2550), paid["2025-03"]);

        donation.Apply(DonationFixtures.Completed("evt_1", paid: true));
        Assert.True(DashboardContribution.Delta(paid, DonationContribution.Of(donation)).IsEmpty);

        donation.Apply(DonationFixtures.Refunded("evt_2"));
        var delta = DashboardContribution.Delta(paid, DonationContribution.Of(donation));
        Assert.Equal(-2550, delta["2025-03"][DashboardCounter.OneTimeDonationCents]);
        Assert.Equal(-2550, delta["2025"][DashboardCounter.OneTimeDonationCents]);
        Assert.True(DashboardContribution.Sum([paid, delta]).IsEmpty);
    }

    [Fact]
    public void Monthly_invoices_count_in_the_month_each_was_paid_and_the_months_add_up_to_the_year()
    {
        var monthly = DonationFixtures.NewDonation(DonationInterval.Monthly, amountCents: 1000);
        monthly.Apply(DonationFixtures.CompletedSubscription("evt_s", paid: true));
        monthly.Apply(DonationFixtures.Invoice("evt_i0", 0));
        monthly.Apply(DonationFixtures.Invoice("evt_i1", 1));
        monthly.Apply(DonationFixtures.Invoice("evt_i2", 2, amount: 1200));

        var contribution = DonationContribution.Of(monthly);

        Assert.Equal(1000, contribution["2025-03"][DashboardCounter.MonthlyDonationCents]);
        Assert.Equal(1000, contribution["2025-04"][DashboardCounter.MonthlyDonationCents]);
        Assert.Equal(1200, contribution["2025-05"][DashboardCounter.MonthlyDonationCents]);
        Assert.Equal(
            contribution["2025"][DashboardCounter.MonthlyDonationCents],
            Enumerable.Range(1, 12).Sum(m => contribution[DashboardScope.Month(2025, m)][DashboardCounter.MonthlyDonationCents]));
    }

    [Fact]
    public void Month_follows_the_Berlin_date_like_the_year()
    {
        // 22:30 UTC on 31 March 2025 is 00:30 on 1 April in Berlin (summer time).
        var donation = DonationFixtures.NewDonation();
        donation.Apply(DonationFixtures.Completed("evt_1", paid: true, minute: (30 * 24 * 60) + (12 * 60) + 30));

        var contribution = DonationContribution.Of(donation);

        Assert.Equal(2550, contribution["2025-04"][DashboardCounter.OneTimeDonationCents]);
        Assert.True(contribution["2025-03"].IsEmpty);
        Assert.Equal("2026-12", DashboardScope.MonthOf(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2027-01", DashboardScope.MonthOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Summary_has_twelve_months_with_one_time_and_monthly_donations_together()
    {
        var months = new Dictionary<string, DashboardCounters>
        {
            ["2026-03"] = DashboardCounters.Empty.With(DashboardCounter.DuesCollectedCents, 6000)
                .With(DashboardCounter.OneTimeDonationCents, 2550).With(DashboardCounter.MonthlyDonationCents, 1000),
            ["2026-12"] = DashboardCounters.Empty.With(DashboardCounter.MonthlyDonationCents, 1000),
        };

        var summary = DashboardSummary.From(2026, months, new Dictionary<string, int>(), DateTimeOffset.UnixEpoch);

        Assert.Equal(Enumerable.Range(1, 12), summary.Months.Select(m => m.Month));
        Assert.Equal(new MonthSummary(3, 6000, 3550), summary.Months[2]);
        Assert.Equal(new MonthSummary(12, 0, 1000), summary.Months[11]);
        Assert.Equal(new MonthSummary(1, 0, 0), summary.Months[0]);
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
