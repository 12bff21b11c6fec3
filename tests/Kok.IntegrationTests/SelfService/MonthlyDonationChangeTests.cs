using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// A monthly donor changes the donation on "Mein KOK", through DevHost (Stripe stand-in and webhook, on an Azurite of
/// its own): the app asks Stripe to update the subscription, the stand-in confirms with a signed
/// <c>customer.subscription.updated</c> that changes the donation, and its renewals honour the change.
/// </summary>
public sealed class MonthlyDonationChangeTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    private static readonly string[] Routes = ["amount", "pause", "cancel"];

    [Fact]
    public async Task A_changed_amount_is_charged_from_the_next_renewal_on_and_confirmed_by_mail()
    {
        await using var host = await StartAsync();
        var (donationId, subscriptionId, browser, email) = await MonthlyDonorAsync(host, 12.50m);

        using var changed = await MeinKokHost.PostAsync(browser, $"api/me/donations/{donationId}/amount", new { amount = 30 });

        Assert.Equal(HttpStatusCode.Accepted, changed.StatusCode);
        var donation = await DonationAsync(browser, donationId);
        Assert.Equal(3000, (long)donation["amountCents"]!);
        Assert.True((bool)donation["changeable"]!);
        await host.Server.Client.PostAsJsonAsync($"dev/stripe/subscriptions/{subscriptionId}/renew", new { });
        Assert.Equal(new long[] { 1250, 3000 }, await ChargedAsync(host, subscriptionId));
        Assert.Equal(new long[] { 1250, 3000 }, (await DonationAsync(browser, donationId))["payments"]!.AsArray().Select(p => (long)p!["amountCents"]!).Order());
        var mail = (await DevHostMembers.MailsToAsync(host.Server, email, 2))[^1];
        Assert.Equal("Ihre monatliche Spende wurde geändert", (string)mail["subject"]!);
        Assert.Contains("30,00 €", (string)mail["text"]!, StringComparison.Ordinal);
        Assert.Contains((await MeinKokHost.OverviewAsync(browser))["mails"]!.AsArray(), m => (string)m!["kind"]! == "monthly_donation_changed");
    }

    [Fact]
    public async Task A_pause_of_two_months_skips_the_next_two_renewals_and_the_third_charges_again()
    {
        await using var host = await StartAsync();
        var (donationId, subscriptionId, _, email) = await MonthlyDonorAsync(host, 10m, locale: "en");
        host.Clock.Advance(TimeSpan.FromDays(10)); // mid-month, as a donor would pause: the next payment is 3 weeks away
        var browser = await host.SignedInBrowserAsync(email, mailCount: 2);

        using var paused = await MeinKokHost.PostAsync(browser, $"api/me/donations/{donationId}/pause", new { months = 2 });

        Assert.Equal(HttpStatusCode.Accepted, paused.StatusCode);
        Assert.Equal(host.Clock.GetUtcNow().AddMonths(2).ToUnixTimeSeconds(), ((DateTimeOffset)(await DonationAsync(browser, donationId))["pausedUntil"]!).ToUnixTimeSeconds());
        foreach (var month in new[] { 1, 2 })
        {
            var skipped = await RenewAsync(host, subscriptionId);
            Assert.False((bool)skipped["renewed"]!, $"renewal {month} in the pause");
        }

        Assert.Equal(new long[] { 1000 }, await ChargedAsync(host, subscriptionId));
        await RenewAsync(host, subscriptionId);
        Assert.Equal(new long[] { 1000, 1000 }, await ChargedAsync(host, subscriptionId));
        var donation = await DonationAsync(browser, donationId);
        Assert.Null(donation["pausedUntil"]);
        Assert.Equal(2, donation["payments"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_cancelled_monthly_donation_ends_at_the_period_end_and_is_never_charged_again()
    {
        await using var host = await StartAsync();
        var (donationId, subscriptionId, browser, _) = await MonthlyDonorAsync(host, 15m);

        using var cancelled = await MeinKokHost.PostAsync(browser, $"api/me/donations/{donationId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        var ending = await DonationAsync(browser, donationId);
        Assert.NotNull(ending["endsAt"]);
        Assert.False((bool)ending["changeable"]!);
        using var again = await MeinKokHost.PostAsync(browser, $"api/me/donations/{donationId}/amount", new { amount = 20 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var end = await RenewAsync(host, subscriptionId);
        Assert.False((bool)end["renewed"]!);
        using var afterEnd = await host.Server.Client.PostAsJsonAsync($"dev/stripe/subscriptions/{subscriptionId}/renew", new { });
        Assert.Equal(HttpStatusCode.BadRequest, afterEnd.StatusCode);
        Assert.Equal(new long[] { 1500 }, await ChargedAsync(host, subscriptionId));
        var ended = await DonationAsync(browser, donationId);
        Assert.Equal("cancelled", (string)ended["status"]!);
        Assert.Single(ended["payments"]!.AsArray());
    }

    [Fact]
    public async Task Another_supporters_donation_is_not_found_by_any_change_and_nothing_reaches_Stripe()
    {
        await using var host = await StartAsync();
        var (donationId, _, _, _) = await MonthlyDonorAsync(host, 12m);
        var stranger = MeinKokHost.NewEmail("max");
        await host.DonateAsync(stranger, interval: "monthly");
        var browser = await host.SignedInBrowserAsync(stranger);

        foreach (var route in Routes)
        {
            using var response = await MeinKokHost.PostAsync(browser, $"api/me/donations/{donationId}/{route}", route switch
            {
                "amount" => new { amount = 5 },
                "pause" => (object)new { months = 1 },
                _ => null,
            });
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{route}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(await UpdatesAsync(host));
    }

    [Theory]
    [InlineData("amount", """{"amount":0.5}""", "amount")]
    [InlineData("amount", """{"amount":10000.01}""", "amount")]
    [InlineData("amount", """{"amount":12.345}""", "amount")]
    [InlineData("amount", """{"amount":"30"}""", "amount")]
    [InlineData("amount", """{}""", "amount")]
    [InlineData("pause", """{"months":0}""", "months")]
    [InlineData("pause", """{"months":7}""", "months")]
    [InlineData("pause", """{"months":1.5}""", "months")]
    [InlineData("pause", """{"months":"2"}""", "months")]
    [InlineData("pause", """{"months":null}""", "months")]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing(string route, string body, string field)
    {
        await using var host = await StartAsync();
        var (donationId, _, browser, email) = await MonthlyDonorAsync(host, 12m);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/me/donations/{donationId}/{route}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, DonationApi.ErrorFields(await DonationApi.ProblemAsync(response)));
        Assert.Empty(await UpdatesAsync(host));
        Assert.Equal(1200, (long)(await DonationAsync(browser, donationId))["amountCents"]!);
        Assert.Single(await DevHostMembers.MailsToAsync(host.Server, email, 1));
    }

    private Task<MeinKokHost> StartAsync() =>
        MeinKokHost.StartAsync(o => o.StorageConnectionString = azurite.ConnectionString, moreFunctions: ["StripeWebhook"]);

    /// <summary>A monthly donation paid by card at checkout, and a browser signed in as its donor.</summary>
    private static async Task<(string DonationId, string SubscriptionId, HttpClient Browser, string Email)> MonthlyDonorAsync(
        MeinKokHost host, decimal amount, string locale = "de")
    {
        var email = MeinKokHost.NewEmail();
        var donations = new DonationApi(host.Server);
        var body = DonationApi.Body(amount: amount, interval: "monthly", email: email);
        body["locale"] = locale;
        var (donationId, sessionId) = await donations.CreateAsync(body);
        var subscriptionId = (string)(await donations.CompleteAsync(sessionId, "succeeded"))["subscriptionId"]!;
        return (donationId, subscriptionId, await host.SignedInBrowserAsync(email), email);
    }

    private static async Task<JsonObject> RenewAsync(MeinKokHost host, string subscriptionId)
    {
        using var response = await host.Server.Client.PostAsJsonAsync($"dev/stripe/subscriptions/{subscriptionId}/renew", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.All(body["events"]?.AsArray() ?? [], e => Assert.Equal(200, (int)e!["deliveries"]![0]!["status"]!));
        return body;
    }

    /// <summary>What the stand-in charged for the subscription's invoices, oldest first.</summary>
    private static async Task<long[]> ChargedAsync(MeinKokHost host, string subscriptionId)
    {
        var list = (await host.Server.Client.GetFromJsonAsync<JsonObject>("dev/stripe/payment_intents?source=invoice"))!;
        return [.. list["data"]!.AsArray().Where(p => (string?)p!["subscriptionId"] == subscriptionId).Select(p => (long)p!["amount"]!)];
    }

    private static async Task<JsonArray> UpdatesAsync(MeinKokHost host) =>
        (await host.Server.Client.GetFromJsonAsync<JsonObject>("dev/stripe/events?type=customer.subscription.updated"))!["data"]!.AsArray();

    private static async Task<JsonObject> DonationAsync(HttpClient browser, string donationId) =>
        (JsonObject)(await MeinKokHost.OverviewAsync(browser))["donations"]!.AsArray().Single(d => (string)d!["donationId"]! == donationId)!;
}
