using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// A supporter sets up another payment method on "Mein KOK", through DevHost (Stripe stand-in's Checkout in setup mode,
/// its signed <c>checkout.session.completed</c> and <c>setup_intent.succeeded</c>, the webhook; an Azurite of its own):
/// nothing changes before Stripe's confirmation arrives, and the next charge uses the new method, as the stand-in's
/// record of charged payment intents shows.
/// </summary>
public sealed class PaymentMethodChangeTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task A_member_sets_up_a_SEPA_mandate_which_applies_only_after_Stripe_confirmed_it_and_the_next_dues_are_charged_on_it()
    {
        await using var host = await MeinKokHost.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.OnlyFunctions.Clear();
        });
        var email = MeinKokHost.NewEmail();
        var memberId = await DevHostMembers.SignUpAndPayAsync(host.Server, email);
        await DevHostMembers.MailsToAsync(host.Server, email, 2);
        var browser = await host.SignedInBrowserAsync(email, mailCount: 3);
        var stranger = await host.SignedInBrowserAsync(await StrangerAsync(host));
        using (var foreign = await MeinKokHost.PostAsync(stranger, $"api/me/memberships/{memberId}/payment-method"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        var sessionId = await StartSetupAsync(browser, $"api/me/memberships/{memberId}/payment-method");
        var completed = await CompleteSetupAsync(host, sessionId, "sepa_debit", deliver: false);

        Assert.Equal("card", (string)(await MembershipAsync(browser))["paymentMethod"]!);
        var newMethod = (string)completed["paymentMethodId"]!;
        await DeliverAsync(host, completed);
        var membership = await MembershipAsync(browser);
        Assert.Equal("sepa_debit", (string)membership["paymentMethod"]!);
        Assert.Equal("3000", (string)membership["paymentMethodLast4"]!);
        var confirmation = (await DevHostMembers.MailsToAsync(host.Server, email, 4))[^1];
        Assert.Equal("Ihre Zahlungsart wurde geändert", (string)confirmation["subject"]!);
        Assert.Contains("SEPA-Lastschrift vom Konto mit IBAN-Endung 3000", (string)confirmation["text"]!, StringComparison.Ordinal);

        await DevHostMembers.RunDuesSchedulerAsync(host.Server, host.Clock, new DateTimeOffset(2027, 2, 15, 5, 0, 0, TimeSpan.Zero));
        var notice = (await DevHostMembers.MailsToAsync(host.Server, email, 5))[^1];
        Assert.Contains("3000", (string)notice["text"]!, StringComparison.Ordinal);
        await DevHostMembers.RunDuesSchedulerAsync(host.Server, host.Clock, new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));
        JsonArray charges = [];
        await Eventually.WaitUntilAsync(
            async () => (charges = (await host.Server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/payment_intents?memberId={memberId}"))!["data"]!.AsArray()).Count > 0,
            "the dues run charged the member");
        var charge = Assert.Single(charges)!;
        Assert.Equal(newMethod, (string)charge["paymentMethod"]!);
        Assert.Equal("sepa_debit", (string)charge["paymentMethodType"]!);
    }

    [Fact]
    public async Task A_monthly_donor_sets_up_SEPA_and_the_next_renewal_is_collected_from_it()
    {
        await using var host = await MeinKokHost.StartAsync(o => o.StorageConnectionString = azurite.ConnectionString, moreFunctions: ["StripeWebhook"]);
        var email = MeinKokHost.NewEmail();
        var donations = new DonationApi(host.Server);
        var (donationId, checkoutId) = await donations.CreateAsync(DonationApi.Body(amount: 15m, interval: "monthly", email: email));
        var subscriptionId = (string)(await donations.CompleteAsync(checkoutId, "succeeded"))["subscriptionId"]!;
        var browser = await host.SignedInBrowserAsync(email);

        var sessionId = await StartSetupAsync(browser, $"api/me/donations/{donationId}/payment-method");
        var completed = await CompleteSetupAsync(host, sessionId, "sepa_debit", deliver: false);
        Assert.Equal("card", (string)(await DonationAsync(browser, donationId))["paymentMethod"]!);
        await DeliverAsync(host, completed);

        Assert.Equal("sepa_debit", (string)(await DonationAsync(browser, donationId))["paymentMethod"]!);
        var subscription = (await host.Server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/events?type=customer.subscription.updated"))!["data"]!.AsArray();
        Assert.Single(subscription);
        using var renewed = await host.Server.Client.PostAsJsonAsync($"dev/stripe/subscriptions/{subscriptionId}/renew", new { });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var invoices = (await host.Server.Client.GetFromJsonAsync<JsonObject>("dev/stripe/payment_intents?source=invoice"))!["data"]!.AsArray()
            .Where(p => (string?)p!["subscriptionId"] == subscriptionId).ToList();
        Assert.Equal(["card", "sepa_debit"], invoices.Select(p => (string)p!["paymentMethodType"]!));
        Assert.Equal((string)completed["paymentMethodId"]!, (string)invoices[^1]!["paymentMethod"]!);
        var mail = (await DevHostMembers.MailsToAsync(host.Server, email, 2))[^1];
        Assert.Equal("Ihre Zahlungsart wurde geändert", (string)mail["subject"]!);
    }

    [Fact]
    public async Task A_one_time_donation_has_no_payment_method_to_change_and_nothing_is_started()
    {
        await using var host = await MeinKokHost.StartAsync(o => o.StorageConnectionString = azurite.ConnectionString);
        var email = MeinKokHost.NewEmail();
        var donationId = await host.DonateAsync(email);
        var browser = await host.SignedInBrowserAsync(email);

        using var refused = await MeinKokHost.PostAsync(browser, $"api/me/donations/{donationId}/payment-method");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False((bool)(await DonationAsync(browser, donationId))["paymentMethodChangeable"]!);
    }

    /// <summary>Asks for the setup page as the page's script does; the stand-in's checkout session id.</summary>
    private static async Task<string> StartSetupAsync(HttpClient browser, string path)
    {
        using var started = await MeinKokHost.PostAsync(browser, path);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var url = new Uri((string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["url"]!);
        using var page = await browser.GetAsync(url.PathAndQuery);
        Assert.Contains("Zahlungsart einrichten", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return url.Segments[^1];
    }

    private static async Task<JsonObject> CompleteSetupAsync(MeinKokHost host, string sessionId, string method, bool deliver)
    {
        using var completed = await host.Server.Client.PostAsJsonAsync(
            $"dev/stripe/checkout/{sessionId}/complete?deliver={(deliver ? "true" : "false")}", new { outcome = "succeeded", paymentMethod = method });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var body = (await completed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["checkout.session.completed", "setup_intent.succeeded"], body["events"]!.AsArray().Select(e => (string)e!["type"]!));
        return body;
    }

    /// <summary>Sends the setup's events to the webhook now, in Stripe's order, and again where the webhook refused them.</summary>
    private static async Task DeliverAsync(MeinKokHost host, JsonObject completed)
    {
        var ids = completed["events"]!.AsArray().Select(e => (string)e!["id"]!).ToArray();
        using var delivered = await host.Server.Client.PostAsJsonAsync("dev/stripe/events/deliver", new { eventIds = ids });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        await DevHostMembers.RetryRefusedDeliveriesAsync(host.Server, (await delivered.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static async Task<JsonObject> MembershipAsync(HttpClient browser) =>
        (JsonObject)(await MeinKokHost.OverviewAsync(browser))["memberships"]!.AsArray().Single()!;

    private static async Task<JsonObject> DonationAsync(HttpClient browser, string donationId) =>
        (JsonObject)(await MeinKokHost.OverviewAsync(browser))["donations"]!.AsArray().Single(d => (string)d!["donationId"]! == donationId)!;

    private static async Task<string> StrangerAsync(MeinKokHost host)
    {
        var email = MeinKokHost.NewEmail("max");
        await host.DonateAsync(email);
        return email;
    }
}
