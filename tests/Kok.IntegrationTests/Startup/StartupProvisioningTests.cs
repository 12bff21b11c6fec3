using System.Net;
using Azure.Data.Tables;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Startup;

/// <summary>
/// Tables, queues and blob containers are created while the host starts (StorageProvisioning), not by the first
/// request: the first summary and the first donation after start cost what the second ones cost, with no creation
/// among their round trips. Provisioning is idempotent and a host that starts while storage is away still starts.
/// </summary>
public sealed class StartupProvisioningTests
{
    [Fact]
    public async Task First_requests_after_start_create_no_table_queue_or_container()
    {
        var counter = new StorageTransactionCounter();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("GetDashboardSummary");
            o.OnlyFunctions.Add("CreateDonation");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.TransactionCounter = counter;
        });
        var donations = new DonationApi(server);

        // Deferred projections of other tests' saves are brought up to date first, outside the measured requests:
        // settling runs them with this host's storage clients, whatever the suite saved meanwhile.
        await DashboardHost.SettledAsync(server);
        var firstSummary = await counter.MeasureAsync(() => DashboardHost.SummaryAsIsAsync(server, 2026));
        var secondSummary = await counter.MeasureAsync(() => DashboardHost.SummaryAsIsAsync(server, 2026));
        var firstDonation = await counter.MeasureAsync(() => donations.CreateAsync());
        var secondDonation = await counter.MeasureAsync(() => donations.CreateAsync());

        Assert.DoesNotContain(firstSummary, IsCreation);
        Assert.DoesNotContain(firstDonation, IsCreation);
        // 3 totals range queries, 5 poison queue counts, 1 count of the open "Needs attention" items (#16). First
        // attempts only: on a machine busy with the rest of the suite the SDK may retry a slow request.
        Assert.True(FirstAttempts(firstSummary) == 3 + 5 + 1, "First summary: " + string.Join(", ", firstSummary.Select(t => $"{t.Method} {t.Path} #{t.Retry}")));
        Assert.Equal(FirstAttempts(secondSummary), FirstAttempts(firstSummary));
        Assert.Equal(FirstAttempts(secondDonation), FirstAttempts(firstDonation));
    }

    private static int FirstAttempts(IReadOnlyList<StorageTransaction> transactions) => transactions.Count(t => t.Retry == 0);

    [Fact]
    public async Task Provisioning_is_idempotent_and_afterwards_using_a_table_costs_no_round_trip()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var layout = new StorageLayout([$"Provision{suffix}"], [$"provision-{suffix}"], [$"provision-{suffix}"]);
        var settings = new StorageSettings(TestStorage.ConnectionString, null, null, null, null);
        var first = new StorageTransactionCounter();
        var firstProcess = new StorageClients(settings, [first]);

        await firstProcess.ProvisionAsync(layout, TimeSpan.FromSeconds(3), CancellationToken.None);
        var table = await firstProcess.TableAsync(layout.Tables[0]);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = true });
        await (await firstProcess.QueueAsync(layout.Queues[0])).SendMessageAsync("kept");

        // A second start (another process) provisions the same storage again: nothing fails, nothing is lost.
        var second = new StorageTransactionCounter();
        var secondProcess = new StorageClients(settings, [second]);
        await secondProcess.ProvisionAsync(layout, TimeSpan.FromSeconds(3), CancellationToken.None);
        var afterwards = await second.MeasureAsync(async () =>
        {
            await secondProcess.TableAsync(layout.Tables[0]);
            await secondProcess.QueueAsync(layout.Queues[0]);
            await secondProcess.ContainerAsync(layout.Containers[0]);
        });

        Assert.Equal(3, first.Transactions.Count(IsCreation));
        Assert.Equal(3, second.Transactions.Count(IsCreation));
        Assert.Empty(afterwards);
        Assert.True((bool)(await table.GetEntityAsync<TableEntity>("p", "r")).Value["Kept"]);
        Assert.Equal(1, (await secondProcess.Queue(layout.Queues[0]).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await table.DeleteAsync();
        await secondProcess.Queue(layout.Queues[0]).DeleteAsync();
        await secondProcess.Blobs.GetBlobContainerClient(layout.Containers[0]).DeleteAsync();
    }

    [Fact]
    public async Task Host_started_while_storage_is_away_answers_503_then_creates_its_tables_once_storage_is_back()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await azurite.KillAsync();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.OnlyFunctions.Add("Health");
            o.OnlyFunctions.Add("CreateDonation");
        });

        using (var health = await server.Client.GetAsync("api/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        // A fresh, empty Azurite: the tables the start could not create are created on first use.
        await azurite.RestartAsync();
        var (donationId, _) = await new DonationApi(server).CreateAsync();

        Assert.False(string.IsNullOrEmpty(donationId));
    }

    /// <summary>
    /// Creating a table (POST .../Tables), a queue or a container (PUT on the account's direct child, which a table
    /// entity's address "Table(PartitionKey=..,RowKey=..)" is not).
    /// </summary>
    private static bool IsCreation(StorageTransaction transaction) =>
        (transaction.Method == "POST" && transaction.Path.EndsWith("/Tables", StringComparison.Ordinal))
        || (transaction.Method == "PUT" && transaction.Path.Trim('/').Split('/').Length == 2 && !transaction.Path.Contains('(', StringComparison.Ordinal));
}
