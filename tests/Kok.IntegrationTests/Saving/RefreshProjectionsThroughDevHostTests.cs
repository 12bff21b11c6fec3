using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Saving;

/// <summary>
/// The deferred projections reach the dashboard through the <c>RefreshProjections</c> queue function alone: on an
/// Azurite of its own, with no test settling them (other tests run the recorded refreshes themselves; see
/// <see cref="DeferredRefreshes"/>), a paid donation shows in the summary once the function has handled its message.
/// </summary>
public sealed class RefreshProjectionsThroughDevHostTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task A_paid_donation_reaches_the_summary_through_the_queue_function()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2040, 5, 4, 10, 0, 0, TimeSpan.Zero));
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            foreach (var function in new[] { "CreateDonation", "StripeWebhook", "GetDashboardSummary", DashboardHost.RefreshFunction })
            {
                o.OnlyFunctions.Add(function);
            }
        });
        var donations = new DonationApi(server);
        var before = DashboardHost.Number(await DashboardHost.SummaryAsIsAsync(server, 2040), "donations.oneTime.sumCents");

        var (_, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 42m));
        await donations.CompleteAsync(sessionId, "succeeded");

        await Eventually.WaitUntilAsync(
            async () => DashboardHost.Number(await DashboardHost.SummaryAsIsAsync(server, 2040), "donations.oneTime.sumCents") - before == 4200,
            "the summary counts the paid donation");
        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(server.StorageConnectionString, Kok.Functions.Storage.Saving.DeferredRefresh.QueueName) == 0,
            "the refresh messages are handled and deleted");
    }
}
