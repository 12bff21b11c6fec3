using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Receipts;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.MoneyBack;

/// <summary>
/// Money that comes back from a later payment of a monthly donation, through DevHost: the stand-in's invoices name
/// their payment intent only in <c>invoice_payment.paid</c>, as Stripe's do since API version "basil", and a dispute
/// or refund of that intent must still find its payment. Payment years 2097 and 2099 are this class's own.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class MonthlyMoneyBackThroughDevHostTests
{
    private const int Year = 2097;
    private const string Email = "monthly-back-2097@example.org";

    [Fact]
    public async Task A_later_monthly_payment_disputed_and_lost_is_returned_and_a_refund_after_the_run_reissues_the_Sammelbestaetigung_without_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Year, 3, 5, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock, new Dictionary<string, string> { ["Organisation:ExemptionNoticeDate"] = "2096-06-01" });
        await AnnualReceiptsHost.ClearAsync(host.Server);
        var before = await DashboardHost.SummaryAsync(host.Server, Year);

        var (donationId, sessionId) = await host.Donations.CreateAsync(
            Donations.DonationApi.Body(amount: 12.50m, interval: "monthly", email: Email, wantsReceipt: true));
        var subscriptionId = (string)(await host.Donations.CompleteAsync(sessionId, "succeeded"))["subscriptionId"]!;
        clock.SetUtcNow(new DateTimeOffset(Year, 4, 5, 9, 0, 0, TimeSpan.Zero));
        var second = (string)(await host.Donations.StripeActionAsync($"subscriptions/{subscriptionId}/renew"))["paymentIntentId"]!;
        clock.SetUtcNow(new DateTimeOffset(Year, 5, 5, 9, 0, 0, TimeSpan.Zero));
        var third = (string)(await host.Donations.StripeActionAsync($"subscriptions/{subscriptionId}/renew"))["paymentIntentId"]!;
        Assert.Equal(["paid", "paid", "paid"], await PaymentStatusesAsync(host, donationId));
        Assert.Equal(3 * 1250, Moved(before, await DashboardHost.SummaryAsync(host.Server, Year)));

        clock.SetUtcNow(new DateTimeOffset(Year, 5, 20, 9, 0, 0, TimeSpan.Zero));
        var disputed = await host.Donations.StripeActionAsync($"payments/{second}/dispute", new { reason = "general" });
        Assert.All(disputed["events"]!.AsArray(), e => Assert.Equal(200, (int)e!["deliveries"]![0]!["status"]!));
        Assert.Equal(["paid", "disputed", "paid"], await PaymentStatusesAsync(host, donationId));
        clock.SetUtcNow(new DateTimeOffset(Year, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await host.Donations.StripeActionAsync($"payments/{second}/dispute/close", new { status = "lost" });

        Assert.Equal(["paid", "returned", "paid"], await PaymentStatusesAsync(host, donationId));
        Assert.Equal("paid", await StatusAsync(host, donationId));
        Assert.Equal(2 * 1250, Moved(before, await DashboardHost.SummaryAsync(host.Server, Year)));

        // January: the returned payment is simply left out of the Sammelbestätigung.
        clock.SetUtcNow(new DateTimeOffset(Year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));
        await host.RunAsync();
        var original = Assert.Single(await host.ReceiptsAsync(Year + 1));
        Assert.Equal(2 * 1250, (long)original["amountCents"]!);

        var refunded = await host.Donations.StripeActionAsync($"payments/{third}/refund");
        Assert.All(refunded["events"]!.AsArray(), e => Assert.Equal(200, (int)e!["deliveries"]![0]!["status"]!));
        await Eventually.WaitUntilAsync(async () => (await host.ReceiptsAsync(Year + 1)).Count == 2, "the corrected Sammelbestätigung");
        await host.DrainedAsync();

        Assert.Equal(["paid", "returned", "refunded"], await PaymentStatusesAsync(host, donationId));
        Assert.Equal(1250, Moved(before, await DashboardHost.SummaryAsync(host.Server, Year)));
        var receipts = await host.ReceiptsAsync(Year + 1);
        var withdrawn = receipts.Single(r => (string)r["number"]! == (string)original["number"]!);
        var replacement = receipts.Single(r => (string)r["number"]! != (string)original["number"]!);
        Assert.NotNull((string?)withdrawn["withdrawnOn"]);
        Assert.Equal((string)replacement["number"]!, (string)withdrawn["replacedBy"]!);
        Assert.Equal(1250, (long)replacement["amountCents"]!);
        Assert.Single(await host.MailsToAsync(Email), m => ((string)m["subject"]!).Contains("berichtigt", StringComparison.Ordinal));
        Assert.DoesNotContain(Email, host.Logs.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_later_sepa_debit_of_a_monthly_donation_returned_by_the_bank_is_returned_and_leaves_the_totals()
    {
        const int year = 2099;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 2, 5, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock);
        var before = await DashboardHost.SummaryAsync(host.Server, year);
        var (donationId, sessionId) = await host.Donations.CreateAsync(
            Donations.DonationApi.Body(amount: 20m, interval: "monthly", paymentMethod: "sepa_debit", email: "sepa-back-2099@example.org"));
        var subscriptionId = (string)(await host.Donations.CompleteAsync(sessionId, "succeeded"))["subscriptionId"]!;
        clock.SetUtcNow(new DateTimeOffset(year, 3, 5, 9, 0, 0, TimeSpan.Zero));
        var second = (string)(await host.Donations.StripeActionAsync($"subscriptions/{subscriptionId}/renew"))["paymentIntentId"]!;
        var settled = await host.Donations.StripeActionAsync($"payments/{second}/settle", new { outcome = "succeeded" });
        Assert.Equal(["invoice.paid", "invoice_payment.paid"], settled["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.Equal(["paid", "paid"], await PaymentStatusesAsync(host, donationId));

        clock.SetUtcNow(new DateTimeOffset(year, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var returned = await host.Donations.StripeActionAsync($"payments/{second}/return", new { failureCode = "account_closed" });
        Assert.Equal(200, (int)returned["events"]![0]!["deliveries"]![0]!["status"]!);

        Assert.Equal(["paid", "returned"], await PaymentStatusesAsync(host, donationId));
        Assert.Equal(2000, Moved(before, await DashboardHost.SummaryAsync(host.Server, year)));
    }

    private static long Moved(JsonObject before, JsonObject after) =>
        DashboardHost.Number(after, "donations.monthly.sumCents") - DashboardHost.Number(before, "donations.monthly.sumCents");

    private static async Task<JsonObject> DonationAsync(AnnualReceiptsHost host, string donationId)
    {
        using var response = await host.StaffAsync(HttpMethod.Get, $"api/donations/{donationId}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string> StatusAsync(AnnualReceiptsHost host, string donationId) =>
        (string)(await DonationAsync(host, donationId))["status"]!;

    private static async Task<IReadOnlyList<string>> PaymentStatusesAsync(AnnualReceiptsHost host, string donationId) =>
        (await DonationAsync(host, donationId))["payments"]!.AsArray().Select(p => (string)p!["status"]!).ToList();
}
