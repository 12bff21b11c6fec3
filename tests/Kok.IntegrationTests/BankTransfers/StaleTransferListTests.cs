using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Donations;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>A transfer donation whose money has not come for 60 days is marked stale in the dashboard's donation list (DevHost on a fake clock).</summary>
public sealed class StaleTransferListTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2043, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly string tag = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly StorageClients storage = new(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);
    private DevHostServer server = null!;

    public async Task InitializeAsync() =>
        server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("ListDashboardDonations");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Clock = new FakeTimeProvider(Now);
        });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_transfer_donation_without_its_money_for_60_days_is_marked_stale_and_one_of_59_days_or_by_card_is_not()
    {
        var repository = new TableDonationRepository(storage);
        var stale = await AddAsync(repository, "stale", PaymentMethodKind.BankTransfer, Now.AddDays(-60));
        var recent = await AddAsync(repository, "recent", PaymentMethodKind.BankTransfer, Now.AddDays(-59));
        var card = await AddAsync(repository, "card", PaymentMethodKind.Card, Now.AddDays(-90));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/dashboard/donations?year=2043&status=pending&q={tag}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardHost.StaffToken);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().ToDictionary(i => (string)i!["id"]!, i => (bool)i!["staleTransfer"]!);
        Assert.True(items[stale]);
        Assert.False(items[recent]);
        Assert.False(items[card]);
    }

    private async Task<string> AddAsync(TableDonationRepository repository, string name, PaymentMethodKind method, DateTimeOffset createdAt)
    {
        var donation = Donation.Create(
            RandomIdGenerator.Derive(Donation.IdPrefix, tag, name),
            new DonationRequest(25_00, DonationInterval.Once, method, new ContactDetails($"Spender {name} {tag}", $"{name}.{tag}@example.de", null), false, "de"),
            createdAt);
        Assert.True(await repository.TryAddAsync(donation, default));
        return donation.Id;
    }
}
