using Kok.Domain.Dues;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.Seed;
using Xunit.Abstractions;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// A member list page costs one range query of the list index however many members are stored: the first page
/// of a year's members is the same single request with 60 and with 600 of them. Members are seeded through the
/// real repository (which keeps the index), due in 2043, a year no other test uses.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardListCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task First_page_costs_the_same_with_60_and_600_members()
    {
        var counter = new StorageTransactionCounter();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("ListDashboardMembers");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.TransactionCounter = counter;
        });
        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]);
        var seeder = new MemberSeeder(TableMemberRepository.Create(storage, policy), policy);
        var today = new DateOnly(2043, 1, 1);
        var seed = Random.Shared.Next(1_000_000, int.MaxValue / 2);

        // Warm-up: the first use in a process creates the table.
        await PageAsync(server, full: false);
        var costs = new List<int>();
        foreach (var (members, batch) in new[] { (60, seed), (540, seed + 1) })
        {
            await seeder.SeedAsync(new SeedOptions(members, today, 0, batch) { Parallelism = 8 }, null, CancellationToken.None);
            var transactions = await counter.MeasureAsync(() => PageAsync(server, full: true));
            output.WriteLine(string.Join(Environment.NewLine, transactions));
            costs.Add(transactions.Count);
            Assert.All(transactions, t => Assert.StartsWith("GET /devstoreaccount1/DashboardMemberList()", t.ToString(), StringComparison.Ordinal));
        }

        Assert.Equal([1, 1], costs);
    }

    private static async Task PageAsync(DevHostServer server, bool full)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/members?year=2043");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DashboardHost.StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (full)
        {
            // A full page of 50 and more to come: the case that must not read further.
            Assert.Contains("\"continuationToken\":\"", body, StringComparison.Ordinal);
        }
    }
}
