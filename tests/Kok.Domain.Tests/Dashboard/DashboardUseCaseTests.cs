using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Dashboard;

public class DashboardUseCaseTests
{
    [Fact]
    public async Task Summary_defaults_to_the_Berlin_year_and_computes_outstanding()
    {
        // 23:30 UTC on 31 December 2026 is already 2027 in Berlin.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        var totals = new Mock<IDashboardTotals>();
        totals.Setup(t => t.GetAsync(It.Is<IReadOnlyCollection<string>>(s => s.SequenceEqual(new[] { "current", "2027" })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, DashboardCounters>
            {
                ["current"] = DashboardCounters.Empty.With(DashboardCounter.MembersActive, 3),
                ["2027"] = DashboardCounters.Empty.With(DashboardCounter.DuesExpectedCents, 9000).With(DashboardCounter.DuesCollectedCents, 6000)
                    .With(DashboardCounter.OneTimeDonations, 2).With(DashboardCounter.OneTimeDonationCents, 5000)
                    .With(DashboardCounter.MonthlyDonations, 1).With(DashboardCounter.MonthlyDonationCents, 1000),
            });
        totals.Setup(t => t.GetRangeAsync("2027-01", "2027-12", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, DashboardCounters>
            {
                ["2027-02"] = DashboardCounters.Empty.With(DashboardCounter.DuesCollectedCents, 6000).With(DashboardCounter.OneTimeDonationCents, 5000),
            });
        var poison = new Mock<IPoisonQueueMonitor>();
        poison.Setup(p => p.CountsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["receipt-mail"] = 2 });

        var summary = await new GetDashboardSummary(totals.Object, poison.Object, clock).ExecuteAsync(null, CancellationToken.None);

        Assert.Equal(2027, summary.Year);
        Assert.Equal(3, summary.Members.Active);
        Assert.Equal(3000, summary.Dues.OutstandingCents);
        Assert.Equal(3, summary.Donations.Count);
        Assert.Equal(6000, summary.Donations.SumCents);
        Assert.Equal(2, summary.Poison["receipt-mail"]);
        Assert.Equal(12, summary.Months.Count);
        Assert.Equal(new MonthSummary(2, 6000, 5000), summary.Months[1]);
    }

    [Fact]
    public async Task Recompute_rebuilds_from_the_source_and_records_who_ran_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var contributions = new Dictionary<string, DashboardContribution>
        {
            ["mem_1"] = DashboardContribution.None.With("current", DashboardCounter.MembersActive, 1),
        };
        var source = new Mock<IDashboardSource>();
        source.Setup(s => s.ReadAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync(contributions);
        var totals = new Mock<IDashboardTotals>();
        var drift = new[] { new DashboardDriftItem("current", DashboardCounter.MembersActive, 2, 1) };
        totals.Setup(t => t.RebuildAsync(contributions, It.IsAny<CancellationToken>())).ReturnsAsync(drift);
        var audit = new Mock<IAuditTrail>();
        var ids = new Mock<IIdGenerator>();
        ids.Setup(i => i.NewId("aud")).Returns("aud_1");

        var result = await new RecomputeDashboardTotals(source.Object, totals.Object, audit.Object, ids.Object, clock)
            .ExecuteAsync("staff-1", "Office", CancellationToken.None);

        Assert.Equal(1, result.EntitiesScanned);
        Assert.Equal(1, Assert.Single(result.Drift).Drift);
        audit.Verify(a => a.RecordAsync(
            It.Is<AuditEntry>(e => e.Subject == AuditEntry.Global && e.Action == RecomputeDashboardTotals.AuditAction
                && e.StaffId == "staff-1" && e.At == clock.GetUtcNow()),
            It.IsAny<CancellationToken>()), Times.Once);
    }
}
