using System.Net;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Donations;

/// <summary>
/// Exact storage round trips of the donation hot paths, counted on the wire in a warm process (tables and queues
/// already created). The numbers are stated in README; a change here is a change in cost.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DonationStorageTransactionTests : IAsyncLifetime
{
    private readonly StorageTransactionCounter _counter = new();
    private DevHostServer _server = null!;
    private DonationApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.OnlyFunctions.Add("StripeWebhook");
            o.TransactionCounter = _counter;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        _api = new DonationApi(_server);

        // Warm up: one full card donation creates every table and queue the paths touch.
        var (_, sessionId) = await _api.CreateAsync();
        await _api.CompleteAsync(sessionId, "succeeded");
        using var keyed = await _api.PostAsync(DonationApi.Body(), Guid.NewGuid().ToString());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Post_donation_is_a_list_upsert_and_an_insert_and_three_with_an_idempotency_key()
    {
        var plain = await _counter.MeasureAsync(async () =>
        {
            using var response = await _api.PostAsync(DonationApi.Body());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });
        var keyed = await _counter.MeasureAsync(async () =>
        {
            using var response = await _api.PostAsync(DonationApi.Body(), Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });

        // The dashboard's donation list row goes in first (an upsert), so no stored donation is missing from it.
        Assert.Equal(2, plain.Count);
        Assert.StartsWith("PUT /devstoreaccount1/DashboardDonationList(", plain[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("POST /devstoreaccount1/Donations", plain[1].ToString());
        Assert.Equal(3, keyed.Count);
    }

    [Fact]
    public async Task Card_checkout_completed_event_is_five_round_trips_and_leaves_the_dashboard_to_the_projections_queue()
    {
        var (_, sessionId) = await _api.CreateAsync();

        // The stand-in delivers the webhook before it answers, so everything the event costs happens in here.
        var transactions = await _counter.MeasureAsync(() => _api.CompleteAsync(sessionId, "succeeded"));

        // Read the donation, enqueue the receipt mail and the refresh of the dashboard's totals and list row (ADR 0006),
        // index its payment intent, replace the donation (If-Match). Before the deferred projections it was 9: the
        // totals' contribution read, year and month shard reads and transaction, and the list row's upsert.
        Assert.Equal(5, transactions.Count);
        Assert.Single(transactions, t => t.Method == "GET");
        Assert.Single(transactions, t => t.Path.EndsWith("/receipt-mail/messages", StringComparison.Ordinal));
        Assert.Single(transactions, t => t.Path.EndsWith("/projections/messages", StringComparison.Ordinal));
        Assert.Single(transactions, t => t.Method == "PUT" && t.Path.Contains("/PaymentReferences(", StringComparison.Ordinal));
        Assert.Single(transactions, t => t.Method == "PUT" && t.Path.Contains("/Donations(", StringComparison.Ordinal));
        Assert.DoesNotContain(transactions, t => t.Path.Contains("Dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_event_is_one_read()
    {
        var (_, sessionId) = await _api.CreateAsync();
        var completed = await _api.CompleteAsync(sessionId, "succeeded");
        var eventId = (string)completed["events"]!.AsArray()[0]!["id"]!;

        var transactions = await _counter.MeasureAsync(() => _api.StripeActionAsync($"events/{eventId}/resend"));

        Assert.Equal(["GET"], transactions.Select(t => t.Method).ToArray());
    }
}
