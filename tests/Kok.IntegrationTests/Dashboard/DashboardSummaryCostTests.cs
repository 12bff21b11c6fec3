using System.Diagnostics;
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
/// The summary costs the same storage transactions however many members are stored: 2 range queries on the totals
/// partition (scope current and the year, each at most 8 shard rows) and 1 properties read per poison queue (4).
/// Members are seeded through the real repository with the totals hooked in, so each one really moved the totals.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardSummaryCostTests(ITestOutputHelper output)
{
    private const int SummaryTransactions = 2 + 4;

    [Fact]
    public async Task Summary_costs_the_same_with_300_and_1800_members()
    {
        var counter = new StorageTransactionCounter();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("GetDashboardSummary");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.TransactionCounter = counter;
        });
        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);
        var totals = new TableDashboardTotals(storage, NullLogger<TableDashboardTotals>.Instance);
        var seeder = new MemberSeeder(new TableMemberRepository(storage, policy, totals), policy);
        // Far in the future, so the seeded members' dues agenda days lie beyond every other test's clock and no dues
        // run elsewhere ever acts on them.
        var today = new DateOnly(2095, 6, 1);

        var activeBefore = DashboardHost.Number(await DashboardHost.SummaryAsync(server, 2026), "members.active");
        var written = 0;
        var costs = new List<int>();
        foreach (var (members, seed) in new[] { (300, 9301), (1_500, 9302) })
        {
            var started = Stopwatch.GetTimestamp();
            // Few writers: 32 racing for the same totals rows only measure contention, which the office never has.
            var result = await seeder.SeedAsync(new SeedOptions(members, today, 0, seed) { Parallelism = 4 }, null, CancellationToken.None);
            written += result.Written;
            output.WriteLine($"seeded {members} members in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            var transactions = await counter.MeasureAsync(() => DashboardHost.SummaryAsync(server, 2026));
            output.WriteLine(string.Join(Environment.NewLine, transactions));
            costs.Add(transactions.Count);
            Assert.Equal(2, transactions.Count(t => t.Path.EndsWith("/DashboardTotals()", StringComparison.Ordinal)));
        }

        Assert.Equal([SummaryTransactions, SummaryTransactions], costs);
        var summary = await DashboardHost.SummaryAsync(server, 2026);
        // At least: tests in other collections may sign up members at the same time.
        Assert.True(DashboardHost.Number(summary, "members.active") >= activeBefore + written);
    }
}
