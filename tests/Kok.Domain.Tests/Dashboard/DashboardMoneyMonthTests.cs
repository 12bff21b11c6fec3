using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Membership;

namespace Kok.Domain.Tests.Dashboard;

/// <summary>
/// The chart counts money in the (Berlin) month it came in, dues and donations alike, and SEPA debits still in flight
/// apart from what is collected and what is outstanding.
/// </summary>
public class DashboardMoneyMonthTests
{
    private static readonly DateOnly Due2027 = new(2027, 3, 1);

    [Fact]
    public void Dues_charged_in_December_count_in_December_not_in_the_month_their_period_starts()
    {
        // The year jump: the clock went from 2026 to December 2027, so the March 2027 period was charged in December.
        var member = Charged(new DateTimeOffset(2027, 12, 15, 9, 30, 0, TimeSpan.Zero), DuesChargeStatus.Succeeded);

        var contribution = MemberContribution.Of(member);

        Assert.Equal(6000, contribution["2027-12"][DashboardCounter.DuesCollectedCents]);
        Assert.True(contribution["2027-03"].IsEmpty);
        Assert.Equal(6000, contribution["2027"][DashboardCounter.DuesCollectedCents]);
        Assert.Equal(6000, contribution["2027"][DashboardCounter.DuesExpectedCents]);
        // The first year's dues: paid on 1 March 2026 at checkout, in March.
        Assert.Equal(6000, contribution["2026-03"][DashboardCounter.DuesCollectedCents]);
    }

    [Theory]
    [InlineData("2027-12-31T22:59:00Z", "2027-12")] // 23:59 on New Year's Eve in Berlin
    [InlineData("2027-12-31T23:00:00Z", "2028-01")] // midnight in Berlin
    [InlineData("2028-01-01T00:30:00Z", "2028-01")]
    [InlineData("2027-06-30T21:59:00Z", "2027-06")] // summer time: 23:59 in Berlin
    [InlineData("2027-06-30T22:00:00Z", "2027-07")]
    public void Dues_count_in_the_Berlin_month_of_the_payment(string paidAt, string month)
    {
        var member = Charged(DateTimeOffset.Parse(paidAt, System.Globalization.CultureInfo.InvariantCulture), DuesChargeStatus.Succeeded);

        var months = MemberContribution.Of(member).Scopes.Where(s => s.Key.Length == 7 && s.Value[DashboardCounter.DuesCollectedCents] != 0)
            .Select(s => s.Key).ToList();

        Assert.Equal(["2026-03", month], months);
    }

    [Theory]
    [InlineData(-1, "2025-12")] // 22:59 UTC on 31 December = 23:59 in Berlin
    [InlineData(0, "2026-01")] // 23:00 UTC = midnight in Berlin
    public void Donations_count_in_the_Berlin_month_of_the_payment_around_New_Year(int minutesAfterMidnightBerlin, string month)
    {
        var donation = DonationFixtures.NewDonation();
        var paidAt = new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero).AddMinutes(minutesAfterMidnightBerlin);
        donation.Apply(DonationFixtures.Completed("evt_1", paid: true, minute: (int)(paidAt - DonationFixtures.T0).TotalMinutes));

        var contribution = DonationContribution.Of(donation);

        Assert.Equal(2550, contribution[month][DashboardCounter.OneTimeDonationCents]);
        Assert.Equal(2550, contribution[month[..4]][DashboardCounter.OneTimeDonationCents]);
        Assert.Equal(1, contribution.Scopes.Count(s => s.Key.Length == 7));
    }

    [Fact]
    public void A_SEPA_dues_debit_in_flight_is_neither_collected_nor_outstanding_until_it_settles_in_its_month()
    {
        var requested = new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero);
        var member = Charged(requested, DuesChargeStatus.Processing, PaymentMethodKind.SepaDebit);

        var processing = MemberContribution.Of(member);

        Assert.Equal(6000, processing["2027"][DashboardCounter.DuesExpectedCents]);
        Assert.Equal(0, processing["2027"][DashboardCounter.DuesCollectedCents]);
        Assert.Equal(6000, processing["2027"][DashboardCounter.DuesInFlightCents]);
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.DuesInFlightCents, 6000), processing["2027-03"]);
        var summary = Summary(processing, 2027);
        Assert.Equal(new DuesSummary(6000, 0, 6000), summary.Dues);
        Assert.Equal(0, summary.Dues.OutstandingCents);
        Assert.Equal(new MonthSummary(3, 0, 0, 6000), summary.Months[2]);

        // Settled five days later, on 6 March: collected in March, nothing in flight any more; a redelivery moves nothing.
        var settled = new PaymentIntentSucceeded("evt_settled", requested.AddDays(5), new Dictionary<string, string>(), "pi_dues", 6000);
        member.Apply(settled);
        var paid = MemberContribution.Of(member);
        member.Apply(settled);
        Assert.True(DashboardContribution.Delta(paid, MemberContribution.Of(member)).IsEmpty);
        Assert.Equal(0, paid["2027"][DashboardCounter.DuesInFlightCents]);
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.DuesCollectedCents, 6000), paid["2027-03"]);
        var delta = DashboardContribution.Delta(processing, paid);
        Assert.Equal(-6000, delta["2027"][DashboardCounter.DuesInFlightCents]);
        Assert.Equal(6000, delta["2027"][DashboardCounter.DuesCollectedCents]);
        Assert.Equal(0, delta["2027"][DashboardCounter.DuesExpectedCents]);
    }

    [Fact]
    public void A_declined_dues_charge_is_outstanding_not_in_flight()
    {
        var member = Charged(new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero), DuesChargeStatus.Failed);

        var year = MemberContribution.Of(member)["2027"];

        Assert.Equal(new DuesSummary(6000, 0, 0), Summary(MemberContribution.Of(member), 2027).Dues);
        Assert.Equal(0, year[DashboardCounter.DuesInFlightCents]);
        Assert.Equal(6000, Summary(MemberContribution.Of(member), 2027).Dues.OutstandingCents);
    }

    [Fact]
    public void A_sign_up_whose_first_SEPA_debit_is_processing_has_its_dues_in_flight_and_nothing_once_it_fails()
    {
        var member = MemberFixtures.NewMember();
        member.Apply(MemberFixtures.Completed("evt_c", paid: false));
        Assert.Equal(MembershipStatus.Processing, member.Status);

        var processing = MemberContribution.Of(member);

        Assert.Equal(1, processing[DashboardScope.Current][DashboardCounter.MembersProcessing]);
        Assert.Equal(new DuesSummary(6000, 0, 6000), Summary(processing, 2026).Dues);
        Assert.Equal(6000, processing["2026-03"][DashboardCounter.DuesInFlightCents]);
        Assert.Equal(0, processing["2026"][DashboardCounter.NewMembers]);

        var failed = MemberFixtures.NewMember();
        failed.Apply(MemberFixtures.Completed("evt_c", paid: false));
        failed.Apply(MemberFixtures.Failed("evt_f"));
        Assert.Equal(DashboardContribution.None.With(DashboardScope.Current, DashboardCounter.MembersPending, 1), MemberContribution.Of(failed));

        member.Apply(MemberFixtures.Succeeded("evt_s"));
        var paid = MemberContribution.Of(member);
        Assert.Equal(new DuesSummary(6000, 6000, 0), Summary(paid, 2026).Dues);
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.DuesCollectedCents, 6000), paid["2026-03"]);
    }

    [Fact]
    public void A_SEPA_donation_in_flight_counts_apart_from_the_donations_until_paid()
    {
        var donation = DonationFixtures.NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(DonationFixtures.Completed("evt_c", paid: false));

        var processing = DonationContribution.Of(donation);

        var summary = Summary(processing, 2025);
        Assert.Equal(0, summary.Donations.Count);
        Assert.Equal(0, summary.Donations.SumCents);
        Assert.Equal(new DonationIntervalSummary(1, 2550), summary.Donations.InFlight);
        Assert.Equal(new MonthSummary(3, 0, 0, 2550), summary.Months[2]);

        donation.Apply(DonationFixtures.Succeeded("evt_s", minute: 60 * 24 * 40));
        var paid = Summary(DonationContribution.Of(donation), 2025);
        Assert.Equal(new DonationIntervalSummary(0, 0), paid.Donations.InFlight);
        Assert.Equal(2550, paid.Donations.SumCents);
        // Debited in March, the money came in on 10 April: April shows it, March nothing any more.
        Assert.Equal(new MonthSummary(4, 0, 2550, 0), paid.Months[3]);
        Assert.Equal(new MonthSummary(3, 0, 0, 0), paid.Months[2]);
    }

    private static Member Charged(DateTimeOffset at, DuesChargeStatus status, PaymentMethodKind method = PaymentMethodKind.Card)
    {
        var member = MemberFixtures.ActiveMember(method);
        Assert.True(member.RecordPreNotification(DuesCalendar.PreNotificationDate(Due2027, DuesPolicy.Default)));
        Assert.NotNull(member.RequestDuesCharge(Kok.Domain.Common.AssociationCalendar.Date(at)));
        member.RecordDuesCharge(Due2027, new DuesChargeResult(status, "pi_dues", status == DuesChargeStatus.Failed ? "card_declined" : null), at);
        return member;
    }

    private static DashboardSummary Summary(DashboardContribution contribution, int year) =>
        DashboardSummary.From(
            year,
            new Dictionary<string, DashboardCounters>(contribution.Scopes.Where(s => s.Key.StartsWith(DashboardScope.Year(year) + "-", StringComparison.Ordinal)))
            {
                [DashboardScope.Current] = contribution[DashboardScope.Current],
                [DashboardScope.Year(year)] = contribution[DashboardScope.Year(year)],
            },
            new Dictionary<string, int>(),
            DateTimeOffset.UnixEpoch);
}
