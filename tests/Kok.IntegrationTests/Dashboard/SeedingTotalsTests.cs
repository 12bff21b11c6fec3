using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.Seed;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// After seeding (<c>./seed.sh</c> runs <see cref="MemberSeeder.ForStorage"/>) the dashboard shows the seeded members
/// at once, without a recompute: their contributions went into the totals as seeding ended. Members live in 2155 to
/// 2160, years no other test uses, and their dues agenda lies beyond every other test's clock.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class SeedingTotalsTests
{
    private const int Members = 60;
    private static readonly DateOnly Today = new(2160, 6, 1);

    [Fact]
    public async Task After_seeding_the_summary_counts_the_seeded_members_without_a_recompute_and_seeding_again_adds_nothing()
    {
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("GetDashboardSummary");
            o.OnlyFunctions.Add("RecomputeDashboardTotals");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
        });
        var storage = new StorageClients(new StorageSettings(server.StorageConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]);
        var seeder = MemberSeeder.ForStorage(storage, DuesPolicy.Default);
        var options = new SeedOptions(Members, Today, 0, Random.Shared.Next(100_000, int.MaxValue / 2)) { Parallelism = 8 };
        var expected = DashboardContribution.Sum(Enumerable.Range(0, Members).Select(n => MemberContribution.Of(seeder.Build(options, n))));
        var activeBefore = DashboardHost.Number(await DashboardHost.SummaryAsync(server, 2159), "members.active");

        var seeded = await seeder.SeedAsync(options, null, CancellationToken.None);

        Assert.Equal((Members, Members), (seeded.Written, seeded.Counted));
        var summary = await DashboardHost.SummaryAsync(server, 2159);
        Assert.True(DashboardHost.Number(summary, "members.active") >= activeBefore + Members);
        Assert.Equal(expected["2159"][DashboardCounter.DuesCollectedCents], DashboardHost.Number(summary, "dues.collectedCents"));
        Assert.Equal(expected["2159"][DashboardCounter.DuesExpectedCents], DashboardHost.Number(summary, "dues.expectedCents"));
        Assert.Equal(expected["2159"][DashboardCounter.NewMembers], DashboardHost.Number(summary, "newMembers"));
        Assert.True(DashboardHost.Number(summary, "dues.collectedCents") > 0);
        Assert.All(Enumerable.Range(1, 12), m => Assert.Equal(
            expected[DashboardScope.Month(2159, m)][DashboardCounter.DuesCollectedCents],
            DashboardHost.Number(summary, $"months.{m - 1}.duesCollectedCents")));

        // Seeding again with the same seed writes and counts nothing, and the recompute finds nothing to correct.
        var again = await seeder.SeedAsync(options, null, CancellationToken.None);
        Assert.Equal((0, Members, 0), (again.Written, again.AlreadyPresent, again.Counted));
        Assert.Equal(summary["dues"]!.ToJsonString(), (await DashboardHost.SummaryAsync(server, 2159))["dues"]!.ToJsonString());
        var recomputed = await DashboardHost.RecomputeAsync(server);
        Assert.DoesNotContain(recomputed["drift"]!.AsArray(), d => ((string)d!["scope"]!).StartsWith("215", StringComparison.Ordinal)
            || ((string)d!["scope"]!).StartsWith("216", StringComparison.Ordinal));
    }
}
