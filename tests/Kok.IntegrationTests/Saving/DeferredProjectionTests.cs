using Azure.Data.Tables;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Dashboard;
using Kok.Functions.Donations;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kok.IntegrationTests.Saving;

/// <summary>
/// The save pipeline's deferred phase (ADR 0006) on Azurite: a save leaves one refresh message, the refresh brings the
/// dashboard totals and the donation list row up to the donation as stored, and a refresh that is late, repeated or
/// early changes nothing it must not. The store is driven directly, as <c>RefreshProjections</c> drives it, on an
/// Azurite of its own: on the shared one, any DevHost running <c>RefreshProjections</c> would take its messages.
/// </summary>
public sealed class DeferredProjectionTests : IClassFixture<PrivateAzurite>
{
    private static readonly DateTimeOffset Created = new(2061, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly StorageClients storage;
    private readonly TableDashboardTotals totals;
    private readonly AggregateStore<Donation> store;
    private readonly TableDonationRepository donations;

    public DeferredProjectionTests(PrivateAzurite azurite)
    {
        storage = new StorageClients(new StorageSettings(azurite.ConnectionString, null, null, null, null), []);
        totals = new TableDashboardTotals(storage, NullLogger<TableDashboardTotals>.Instance);
        store = TableDonationRepository.Store(storage, totals);
        donations = new TableDonationRepository(storage, totals);
    }

    [Fact]
    public async Task A_paid_donation_reaches_the_totals_and_its_list_row_only_through_its_refresh()
    {
        var donation = await AddPaidAsync(4200);
        var stored = (await store.GetAsync(donation.Id, default))!;
        Assert.Equal(2, stored.Revision);

        // The save itself left the dashboard alone ...
        Assert.Equal(0, await CollectedAsync(donation.Id));
        Assert.Equal("pending", await ListedStatusAsync(donation));

        // ... and the refresh of its revision brings both; a second one (a redelivery) moves nothing.
        await store.RefreshAsync(donation.Id, 2, evenIfBehind: false, default);
        await store.RefreshAsync(donation.Id, 2, evenIfBehind: false, default);
        Assert.Equal(4200, await CollectedAsync(donation.Id));
        Assert.Equal("paid", await ListedStatusAsync(donation));
        Assert.Equal(2, await ListedRevisionAsync(donation));
    }

    [Fact]
    public async Task A_refresh_that_read_an_older_state_and_comes_late_changes_neither_totals_nor_list()
    {
        var donation = await AddPaidAsync(5000);
        var paidState = (await store.GetAsync(donation.Id, default))!;
        await RefundAsync(donation.Id);
        await store.RefreshAsync(donation.Id, 3, evenIfBehind: false, default);
        Assert.Equal(0, await CollectedAsync(donation.Id));
        Assert.Equal("refunded", await ListedStatusAsync(donation));

        // What a slow refresh that loaded revision 2 (paid) would write after the one of revision 3 (refunded):
        await totals.ApplyAsync(donation.Id, DonationContribution.Of(paidState.Aggregate), 2, default);
        await new DonationListIndex(storage).WriteIfNewerAsync(DonationListIndex.Of(paidState.Aggregate), 2, default);

        Assert.Equal(0, await CollectedAsync(donation.Id));
        Assert.Equal("refunded", await ListedStatusAsync(donation));
        Assert.Equal(3, await ListedRevisionAsync(donation));
    }

    [Fact]
    public async Task A_refresh_that_overtakes_its_save_is_not_yet_and_after_its_put_backs_shows_the_stored_state()
    {
        var donation = await AddPaidAsync(700);

        // The message of a save at revision 3 that has not landed (or lost its race and never will).
        await Assert.ThrowsAsync<SaveNotStoredYetException>(() => store.RefreshAsync(donation.Id, 3, evenIfBehind: false, default));
        await Assert.ThrowsAsync<SaveNotStoredYetException>(() => store.RefreshAsync("don_" + Guid.NewGuid().ToString("N")[..20], 1, evenIfBehind: false, default));
        Assert.Equal(0, await CollectedAsync(donation.Id));

        await store.RefreshAsync(donation.Id, 3, evenIfBehind: true, default);
        Assert.Equal(700, await CollectedAsync(donation.Id));
    }

    [Fact]
    public async Task A_save_that_moves_neither_the_totals_nor_the_list_leaves_no_refresh_message()
    {
        var queue = await storage.QueueAsync(DeferredRefresh.QueueName);
        var donation = Donation.Create(new RandomIdGenerator().NewId(Donation.IdPrefix), Request(900), Created);
        donation.AttachCheckout(new CheckoutSession("cs_" + donation.Id, new Uri("https://checkout.example/" + donation.Id)));
        Assert.True(await donations.TryAddAsync(donation, default));
        var stored = (await donations.GetAsync(donation.Id, default))!;

        // A new donation without a payment contributes nothing and its list row went in with it; saving it again
        // unchanged shows nothing new either.
        Assert.True(await donations.TrySaveAsync(stored.Donation, stored.Version, [], default));
        var mine = (await queue.PeekMessagesAsync(32)).Value.Count(m => m.Body.ToString().Contains(donation.Id, StringComparison.Ordinal));
        Assert.Equal(0, mine);
    }

    private async Task<Donation> AddPaidAsync(long amountCents)
    {
        var donation = Donation.Create(new RandomIdGenerator().NewId(Donation.IdPrefix), Request(amountCents), Created);
        donation.AttachCheckout(new CheckoutSession("cs_" + donation.Id, new Uri("https://checkout.example/" + donation.Id)));
        Assert.True(await donations.TryAddAsync(donation, default));
        var stored = (await donations.GetAsync(donation.Id, default))!;
        stored.Donation.Apply(new CheckoutCompleted(
            "evt_paid_" + donation.Id, Created.AddHours(1), new Dictionary<string, string> { ["donationId"] = donation.Id }, "cs_" + donation.Id,
            donation.Id, Paid: true, SubscriptionMode: false, "pi_" + donation.Id, SubscriptionId: null, "cus_1", amountCents));
        Assert.True(await donations.TrySaveAsync(stored.Donation, stored.Version, [], default));
        return stored.Donation;
    }

    private async Task RefundAsync(string donationId)
    {
        var stored = (await donations.GetAsync(donationId, default))!;
        var payment = stored.Donation.Payments.Single();
        stored.Donation.Apply(new ChargeRefunded(
            "evt_refund_" + donationId, Created.AddDays(2), new Dictionary<string, string>(), "ch_" + donationId, payment.PaymentIntentId,
            payment.AmountCents, FullyRefunded: true));
        Assert.True(await donations.TrySaveAsync(stored.Donation, stored.Version, [], default));
    }

    private static DonationRequest Request(long amountCents) =>
        new(amountCents, DonationInterval.Once, PaymentMethodKind.Card, new ContactDetails("Rita Revision", "rita.revision@example.de", null), false, "de");

    /// <summary>What the totals remember as this donation's one-time cents in its year (0 when nothing).</summary>
    private async Task<long> CollectedAsync(string donationId)
    {
        var table = await storage.TableAsync(TableNames.DashboardTotals);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableDashboardTotals.Partition, TableDashboardTotals.ContributionKey(donationId));
        if (!row.HasValue || row.Value!.GetString("Contribution") is not { } json)
        {
            return 0;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(DashboardScope.Year(Created.Year), out var year)
            && year.TryGetProperty(DashboardCounter.OneTimeDonationCents, out var cents)
            ? cents.GetInt64()
            : 0;
    }

    private async Task<string?> ListedStatusAsync(Donation donation) => (await ListRowAsync(donation)).GetString("Status");

    private async Task<long?> ListedRevisionAsync(Donation donation) => (await ListRowAsync(donation)).GetInt64(DonationListIndex.RevisionColumn);

    private async Task<TableEntity> ListRowAsync(Donation donation)
    {
        var table = await storage.TableAsync(TableNames.DashboardDonationList);
        var listing = DonationListIndex.Of(donation);
        return (await table.GetEntityAsync<TableEntity>(listing.Partition, listing.RowKey)).Value;
    }
}
