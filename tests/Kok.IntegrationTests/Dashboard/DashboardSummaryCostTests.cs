using System.Diagnostics;
using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Functions.Dashboard;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.Seed;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// The summary costs the same storage transactions with 1,000 and with 50,000 members: 3 range queries on the totals
/// partition (scope current and the year, at most 32 shard rows each; the year's twelve month scopes, at most 384 rows,
/// one page) and 1 properties read per poison queue (5, with annual-receipts).
/// What is seeded how: the first 1,000 members are real: built through the domain by <see cref="MemberSeeder"/> and
/// stored through the real repository with the totals hooked in, so each has its Members row, email index and dues
/// agenda entry and moved the totals as a sign-up does. The other 49,000 exist only where the summary reads: the same
/// seeder builds them through the domain, and their contributions (<see cref="MemberContribution.Of"/>) go into the
/// DashboardTotals partition in bulk (<c>DashboardTotalsSeeder.AddNewAsync</c> of Kok.Seed: the production c-row and shard-row
/// format, entity-group transactions of 100 rows, then each shard row moved once). They have no Members rows: storing
/// 49,000 members one by one takes Azurite far too long. At the end they are taken out of the totals again
/// (<c>RemoveAsync</c>), so the totals keep matching the source tables for the recompute action of other tests.
/// The year read is 2094, in which every seeded member ("today" 1 June 2095, joined 1 to 5 years before) paid dues in
/// some month, so the month query really returns its 96 rows; no other test uses 2094.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardSummaryCostTests(ITestOutputHelper output)
{
    // 3 totals range queries, 5 poison queue counts (#15 added annual-receipts), and (#16) 1 key-only query of the
    // open "Needs attention" items.
    private const int SummaryTransactions = 3 + 5 + 1;
    private const int RealMembers = 1_000;
    private const int AllMembers = 50_000;
    private const int Seed = 9401;
    private const int Year = 2094;

    [Fact]
    public async Task Summary_costs_the_same_with_1000_and_50000_members()
    {
        var counter = new StorageTransactionCounter();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("GetDashboardSummary");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.TransactionCounter = counter;
        });

        // The seeded members' totals follow off the save's path (ADR 0006); a host of its own counts them in, so the
        // measured host's counter sees the summary's requests alone.
        await using var refresher = await DevHostServer.StartAsync(o => o.OnlyFunctions.Add(DashboardHost.RefreshFunction));
        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]);
        var totals = new TableDashboardTotals(storage, NullLogger<TableDashboardTotals>.Instance);
        var seeder = new MemberSeeder(TableMemberRepository.Create(storage, policy, totals), policy);
        // Far in the future, so the seeded members' dues agenda days lie beyond every other test's clock and no dues
        // run elsewhere ever acts on them.
        var options = new SeedOptions(AllMembers, new DateOnly(2095, 6, 1), 0, Seed) { Parallelism = 4 };
        await DashboardHost.SettledAsync(refresher);
        var activeBefore = DashboardHost.Number(await DashboardHost.SummaryAsync(server, Year), "members.active");

        var started = Stopwatch.GetTimestamp();
        var real = await seeder.SeedAsync(options with { Members = RealMembers }, null, CancellationToken.None);
        output.WriteLine($"seeded {RealMembers} real members ({real.Written} new) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        var withFew = await MeasureSummaryAsync(server, refresher, counter);

        started = Stopwatch.GetTimestamp();
        var bulk = Enumerable.Range(RealMembers, AllMembers - RealMembers).AsParallel()
            .Select(n => seeder.Build(options, n))
            .ToDictionary(m => m.Id, MemberContribution.Of, StringComparer.Ordinal);
        output.WriteLine($"built {bulk.Count} members through the domain in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        try
        {
            started = Stopwatch.GetTimestamp();
            var added = await new DashboardTotalsSeeder(storage).AddNewAsync(bulk, CancellationToken.None);
            output.WriteLine($"bulk-seeded {added} members' totals in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            var withMany = await MeasureSummaryAsync(server, refresher, counter);

            Assert.Equal(SummaryTransactions, withFew.Transactions);
            Assert.Equal(SummaryTransactions, withMany.Transactions);

            // The totals moved by exactly the bulk-seeded contributions (2094 is this test's own year) ...
            var seeded = DashboardContribution.Sum(bulk.Values);
            long Moved(string path) => DashboardHost.Number(withMany.Summary, path) - DashboardHost.Number(withFew.Summary, path);
            Assert.Equal(seeded[DashboardScope.Year(Year)][DashboardCounter.DuesCollectedCents], Moved("dues.collectedCents"));
            Assert.All(Enumerable.Range(1, 12), m => Assert.Equal(
                seeded[DashboardScope.Month(Year, m)][DashboardCounter.DuesCollectedCents], Moved($"months.{m - 1}.duesCollectedCents")));
            Assert.All(Enumerable.Range(0, 12), i => Assert.True(DashboardHost.Number(withMany.Summary, $"months.{i}.duesCollectedCents") > 0));
            // The month range holds the twelve month scopes and nothing of the year's own rows next to them.
            var months = await totals.GetRangeAsync(DashboardScope.Month(Year, 1), DashboardScope.Month(Year, 12), CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 12).Select(m => DashboardScope.Month(Year, m)), months.Keys.Order(StringComparer.Ordinal));
            // ... and every seeded member counts (at least: tests in other collections may sign up members meanwhile).
            Assert.True(DashboardHost.Number(withMany.Summary, "members.active") >= activeBefore + real.Written + added);
        }
        finally
        {
            started = Stopwatch.GetTimestamp();
            var removed = await new DashboardTotalsSeeder(storage).RemoveAsync(bulk, CancellationToken.None);
            output.WriteLine($"removed {removed} bulk-seeded members' totals in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }
    }

    private async Task<(int Transactions, System.Text.Json.Nodes.JsonObject Summary)> MeasureSummaryAsync(
        DevHostServer server,
        DevHostServer refresher,
        StorageTransactionCounter counter)
    {
        System.Text.Json.Nodes.JsonObject summary = null!;
        var started = Stopwatch.GetTimestamp();
        await DashboardHost.SettledAsync(refresher);
        var transactions = await counter.MeasureAsync(async () => summary = await DashboardHost.SummaryAsIsAsync(server, Year));
        output.WriteLine($"summary in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms, {transactions.Count} transactions:");
        output.WriteLine(string.Join(Environment.NewLine, transactions));
        Assert.Equal(3, transactions.Count(t => t.Path.EndsWith("/DashboardTotals()", StringComparison.Ordinal)));
        return (transactions.Count, summary);
    }
}
