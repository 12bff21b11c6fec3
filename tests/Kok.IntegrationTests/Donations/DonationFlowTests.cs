using System.Net;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Donations;

/// <summary>
/// The donation flow through DevHost's HTTP endpoints on Azurite: the form's POST, the Stripe stand-in's checkout
/// and its signed webhooks, the stored state, and the receipt-mail messages. The receipt mailer is not loaded here,
/// so the messages stay on the queue to be counted.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DonationFlowTests : IAsyncLifetime
{
    private DevHostServer _server = null!;
    private DonationApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.OnlyFunctions.Add("GetDonation");
            o.OnlyFunctions.Add("StripeWebhook");
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        _api = new DonationApi(_server);

        // Peeking sees at most 32 messages: start each test with an empty queue (the collection runs serially).
        var queue = _server.Queue("receipt-mail");
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Card_donation_is_paid_by_the_webhook_and_queues_one_receipt_mail()
    {
        var (donationId, sessionId) = await _api.CreateAsync();
        Assert.Equal("pending", await _api.StatusAsync(donationId));

        await _api.CompleteAsync(sessionId, "succeeded");

        var donation = await _api.GetAsync(donationId);
        Assert.Equal("paid", (string)donation["status"]!);
        Assert.Equal(2550, (long)donation["amountCents"]!);
        var payment = Assert.Single(donation["payments"]!.AsArray())!;
        Assert.Equal("paid", (string)payment["status"]!);
        var message = Assert.Single(await _api.ReceiptMessagesAsync(donationId));
        Assert.Equal((string)payment["paymentId"]!, (string)message["paymentId"]!);
    }

    [Fact]
    public async Task Sepa_donation_is_processing_until_stripe_settles_it()
    {
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(paymentMethod: "sepa_debit"));

        var completed = await _api.CompleteAsync(sessionId, "processing");
        Assert.Equal("processing", await _api.StatusAsync(donationId));
        Assert.Empty(await _api.ReceiptMessagesAsync(donationId));

        await _api.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/settle", new { outcome = "succeeded" });
        Assert.Equal("paid", await _api.StatusAsync(donationId));
        Assert.Single(await _api.ReceiptMessagesAsync(donationId));
    }

    [Fact]
    public async Task Failed_sepa_debit_marks_the_donation_failed_without_mail()
    {
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(paymentMethod: "sepa_debit"));

        await _api.CompleteAsync(sessionId, "failed");

        Assert.Equal("failed", await _api.StatusAsync(donationId));
        Assert.Empty(await _api.ReceiptMessagesAsync(donationId));
    }

    [Fact]
    public async Task Duplicate_webhook_changes_nothing_and_queues_nothing_more()
    {
        var (donationId, sessionId) = await _api.CreateAsync();
        var completed = await _api.CompleteAsync(sessionId, "succeeded");
        var eventId = (string)completed["events"]!.AsArray()[0]!["id"]!;

        var resent = await _api.StripeActionAsync($"events/{eventId}/resend");

        var deliveries = resent["deliveries"]!.AsArray();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(200, (int)d!["status"]!));
        Assert.Equal("paid", await _api.StatusAsync(donationId));
        Assert.Single((await _api.GetAsync(donationId))["payments"]!.AsArray());
        Assert.Single(await _api.ReceiptMessagesAsync(donationId));
    }

    [Fact]
    public async Task Events_in_reverse_order_converge_to_the_same_state()
    {
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(paymentMethod: "sepa_debit"));
        var completed = await _api.CompleteAsync(sessionId, "processing", deliver: false);
        var settled = await _api.StripeActionAsync(
            $"payments/{(string)completed["paymentIntentId"]!}/settle?deliver=false", new { outcome = "succeeded" });
        var eventIds = completed["events"]!.AsArray().Concat(settled["events"]!.AsArray())
            .Select(e => (string)e!["id"]!).Reverse().ToArray();

        await _api.StripeActionAsync("events/deliver", new { eventIds });

        Assert.Equal("paid", await _api.StatusAsync(donationId));
        Assert.Single(await _api.ReceiptMessagesAsync(donationId));
    }

    [Fact]
    public async Task Monthly_donation_records_each_invoice_and_ends_with_the_subscription()
    {
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(interval: "monthly"));
        var completed = await _api.CompleteAsync(sessionId, "succeeded");
        var subscriptionId = (string)completed["subscriptionId"]!;

        await _api.StripeActionAsync($"subscriptions/{subscriptionId}/renew");
        await _api.StripeActionAsync($"subscriptions/{subscriptionId}/renew");
        await _api.StripeActionAsync($"subscriptions/{subscriptionId}/cancel");

        var donation = await _api.GetAsync(donationId);
        Assert.Equal("cancelled", (string)donation["status"]!);
        Assert.Equal(3, donation["payments"]!.AsArray().Count(p => (string)p!["status"]! == "paid"));
        Assert.Equal(3, (await _api.ReceiptMessagesAsync(donationId)).Select(m => (string)m["paymentId"]!).Distinct().Count());
    }

    [Fact]
    public async Task Refund_marks_the_payment_refunded()
    {
        var (donationId, sessionId) = await _api.CreateAsync();
        var completed = await _api.CompleteAsync(sessionId, "succeeded");

        await _api.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/refund");

        Assert.Equal("refunded", await _api.StatusAsync(donationId));
    }

    [Fact]
    public async Task Forged_or_stale_signature_is_400_and_writes_nothing()
    {
        var (donationId, sessionId) = await _api.CreateAsync();
        var held = await _api.CompleteAsync(sessionId, "succeeded", deliver: false);
        var eventId = (string)held["events"]!.AsArray()[0]!["id"]!;
        var stored = await _server.Client.GetFromJsonAsyncSafe($"dev/stripe/events/{eventId}");
        var payload = stored["payload"]!.ToJsonString();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        foreach (var signature in new[]
                 {
                     $"t={now},v1={new string('0', 64)}",
                     Signatures.Sign(payload, "whsec_not_the_configured_secret", now),
                     Signatures.Sign(payload, Signatures.DevHostSecret, now - 301),
                     string.Empty,
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/stripe/webhook") { Content = new StringContent(payload) };
            if (signature.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            }

            using var response = await _server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await DonationApi.ProblemAsync(response);
        }

        Assert.Equal("pending", await _api.StatusAsync(donationId));
        Assert.Empty(await _api.ReceiptMessagesAsync(donationId));

        using var genuine = new HttpRequestMessage(HttpMethod.Post, "api/stripe/webhook") { Content = new StringContent(payload) };
        genuine.Headers.TryAddWithoutValidation("Stripe-Signature", Signatures.Sign(payload, Signatures.DevHostSecret, now));
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.SendAsync(genuine)).StatusCode);
        Assert.Equal("paid", await _api.StatusAsync(donationId));
    }

    [Fact]
    public async Task Donation_status_is_for_staff_only()
    {
        var (donationId, _) = await _api.CreateAsync();

        using var anonymous = await _server.Client.GetAsync($"api/donations/{donationId}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await DonationApi.ProblemAsync(anonymous);

        using var forged = new HttpRequestMessage(HttpMethod.Get, $"api/donations/{donationId}");
        forged.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(
            """{"claims":[{"typ":"roles","val":"staff"}]}"""u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Unknown_donation_is_404_for_staff()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/donations/don_aaaaaaaaaaaaaaaaaaaa");
        request.Headers.Authorization = new("Bearer", DonationApi.StaffToken);

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
