using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.MoneyBack;

/// <summary>
/// Money that comes back, end to end through DevHost: the Stripe stand-in plays disputes, returned SEPA debits and a
/// monthly donation that keeps failing, signed and in Stripe's shapes; the webhook, the receipt mailer and the SendGrid
/// stand-in do the rest. Runs in the first months of 2030 (receipts are still allowed under the DevHost's exemption
/// notice of 2025, and no other test uses the year), comparing the year's totals before and after.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class MoneyBackThroughDevHostTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2030, 1, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly CapturedLogs logs = new();
    private AzuriteProcess azurite = null!;
    private DevHostServer server = null!;
    private DonationApi api = null!;

    /// <summary>
    /// Each test on an Azurite of its own: the app's fixed-name queues (receipt-mail, member-mail) and the receipt
    /// register are otherwise shared with every test before it, whose leftover messages this host would work through
    /// (under its clock) before its own, and whose "drained" waits would never see them empty.
    /// </summary>
    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        await StartAsync();
    }

    /// <param name="exemptionNoticeDate">Another date of the Freistellungsbescheid than DevHost's (2025, usable until mid-2030).</param>
    private async Task StartAsync(string? exemptionNoticeDate = null)
    {
        server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            if (exemptionNoticeDate is not null)
            {
                o.Settings["Organisation:ExemptionNoticeDate"] = exemptionNoticeDate;
            }

            o.Logs = logs;
        });
        api = new DonationApi(server);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_paid_sepa_donation_disputed_and_lost_is_returned_its_receipt_withdrawn_and_the_totals_fall()
    {
        var email = $"dispute.{Guid.NewGuid():N}@example.org";
        var before = await SummaryAsync();
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 250m, paymentMethod: "sepa_debit", email: email));
        var completed = await api.CompleteAsync(sessionId, "succeeded");
        var paymentIntentId = (string)completed["paymentIntentId"]!;
        var thanks = Assert.Single(await MailsAsync(email, 1));
        Assert.Single(thanks["attachments"]!.AsArray());
        Assert.Equal(25000, Moved(before, await SummaryAsync(), "donations.oneTime.sumCents"));

        clock.Advance(TimeSpan.FromDays(20));
        var disputed = await api.StripeActionAsync($"payments/{paymentIntentId}/dispute", new { reason = "general" });
        Assert.Equal(["charge.dispute.created", "charge.dispute.funds_withdrawn"], disputed["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.All(disputed["events"]!.AsArray(), e => Assert.Equal(200, (int)e!["deliveries"]![0]!["status"]!));

        Assert.Equal("disputed", await api.StatusAsync(donationId));
        var withdrawn = Assert.Single(await MailsAsync(email, 2), m => ((string)m["subject"]!).Contains("storniert", StringComparison.Ordinal));
        Assert.Contains("storniert", (string)withdrawn["subject"]!, StringComparison.Ordinal);
        Assert.Contains("über Ihre Bank zurückgebucht", (string)withdrawn["text"]!, StringComparison.Ordinal);
        Assert.Equal(0, Moved(before, await SummaryAsync(), "donations.oneTime.sumCents"));
        var disputedItem = Assert.Single(await AttentionAsync(donationId));
        Assert.Equal("disputed", (string)disputedItem["kind"]!);
        Assert.Equal(25000, (long)disputedItem["amountCents"]!);
        Assert.Equal("general", (string)disputedItem["reasonCode"]!);
        Assert.Contains("ohne Angabe von Gründen", (string)disputedItem["reasonGerman"]!, StringComparison.Ordinal);
        Assert.Contains("no reason given", (string)disputedItem["reasonEnglish"]!, StringComparison.Ordinal);
        Assert.Equal($"/dashboard#donation/{donationId}", (string)disputedItem["link"]!);
        Assert.True((int)(await SummaryAsync())["attentionOpen"]! >= 1);

        clock.Advance(TimeSpan.FromDays(10));
        await api.StripeActionAsync($"payments/{paymentIntentId}/dispute/close", new { status = "lost" });

        Assert.Equal("returned", await api.StatusAsync(donationId));
        var after = await SummaryAsync();
        Assert.Equal(0, Moved(before, after, "donations.oneTime.sumCents"));
        Assert.Equal(0, Moved(before, after, "donations.oneTime.count"));
        var returnedItem = Assert.Single(await AttentionAsync(donationId));
        Assert.Equal("returned", (string)returnedItem["kind"]!);

        var key = (string)returnedItem["key"]!;
        using (var done = await StaffPostAsync($"api/dashboard/attention/{key}/done"))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        using (var again = await StaffPostAsync($"api/dashboard/attention/{key}/done"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        using (var bad = await StaffPostAsync("api/dashboard/attention/not%20a%20key/done"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.Empty(await AttentionAsync(donationId));
        Assert.Contains(await AuditActionsAsync(), a => a == Kok.Domain.Dashboard.MarkAttentionDone.Action);
        await DrainedAsync();
        Assert.Equal(2, (await MailsAsync(email, 2)).Count);
        Assert.DoesNotContain(email, logs.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_dispute_won_makes_the_donation_paid_again_and_its_withdrawn_receipt_stays_withdrawn()
    {
        var email = $"won.{Guid.NewGuid():N}@example.org";
        var before = await SummaryAsync();
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 120m, email: email));
        var paymentIntentId = (string)(await api.CompleteAsync(sessionId, "succeeded"))["paymentIntentId"]!;
        await MailsAsync(email, 1);

        await api.StripeActionAsync($"payments/{paymentIntentId}/dispute", new { reason = "fraudulent" });
        await MailsAsync(email, 2);
        var closed = await api.StripeActionAsync($"payments/{paymentIntentId}/dispute/close", new { status = "won" });

        Assert.Equal(["charge.dispute.closed", "charge.dispute.funds_reinstated"], closed["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.Equal("paid", await api.StatusAsync(donationId));
        Assert.Empty(await AttentionAsync(donationId));
        Assert.Equal(12000, Moved(before, await SummaryAsync(), "donations.oneTime.sumCents"));
        await DrainedAsync();
        var mails = await MailsAsync(email, 2);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => ((string)m["subject"]!).Contains("storniert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_returned_sepa_debit_is_returned_with_its_failure_code_delivered_three_times()
    {
        var email = $"return.{Guid.NewGuid():N}@example.org";
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 50m, paymentMethod: "sepa_debit", email: email));
        var paymentIntentId = (string)(await api.CompleteAsync(sessionId, "succeeded"))["paymentIntentId"]!;
        // The receipt went out before the bank returned the debit (a return that overtakes the receipt mail leaves
        // nothing to withdraw: no receipt, no mail).
        await MailsAsync(email, 1);
        clock.Advance(TimeSpan.FromDays(5));

        var returned = await api.StripeActionAsync($"payments/{paymentIntentId}/return", new { failureCode = "account_closed" });
        var eventId = (string)returned["events"]![0]!["id"]!;
        await api.StripeActionAsync($"events/{eventId}/resend");
        await api.StripeActionAsync($"events/{eventId}/resend");

        Assert.Equal("charge.failed", (string)returned["events"]![0]!["type"]!);
        Assert.Equal("returned", await api.StatusAsync(donationId));
        var payment = (await api.GetAsync(donationId))["payments"]!.AsArray().Single()!;
        Assert.Equal("returned", (string)payment["status"]!);
        await DrainedAsync();
        Assert.Equal(2, (await MailsAsync(email, 2)).Count);
    }

    [Fact]
    public async Task A_monthly_donation_failing_twice_then_given_up_sends_two_mails_a_last_one_and_is_cancelled()
    {
        var email = $"monthly.{Guid.NewGuid():N}@example.org";
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 10m, interval: "monthly", email: email));
        var subscriptionId = (string)(await api.CompleteAsync(sessionId, "succeeded"))["subscriptionId"]!;
        await MailsAsync(email, 1);

        clock.Advance(TimeSpan.FromDays(31));
        var first = await api.StripeActionAsync($"subscriptions/{subscriptionId}/renew", new { outcome = "failed", failureCode = "expired_card" });
        Assert.Equal(
            ["charge.failed", "payment_intent.payment_failed", "invoice.payment_failed", "customer.subscription.updated"],
            first["events"]!.AsArray().Select(e => (string)e!["type"]!));
        clock.Advance(TimeSpan.FromDays(31));
        await api.StripeActionAsync($"subscriptions/{subscriptionId}/renew", new { outcome = "failed", failureCode = "expired_card" });
        clock.Advance(TimeSpan.FromDays(10));
        await api.StripeActionAsync($"subscriptions/{subscriptionId}/give-up");

        Assert.Equal("cancelled", await api.StatusAsync(donationId));
        var items = await AttentionAsync(donationId);
        Assert.Equal(["monthly_donation_ended", "monthly_payment_failed", "monthly_payment_failed"], items.Select(i => (string)i["kind"]!).Order());
        Assert.Contains(items, i => ((string)i["reasonGerman"]!).Length > 0 && (string)i["kind"]! == "monthly_payment_failed");
        await DrainedAsync();
        var mails = await MailsAsync(email, 4);
        Assert.Equal(4, mails.Count);
        Assert.Equal(2, mails.Count(m => ((string)m["subject"]!).StartsWith("Ihre monatliche Spende konnte nicht eingezogen werden", StringComparison.Ordinal)));
        Assert.Single(mails, m => ((string)m["subject"]!).StartsWith("Ihre monatliche Spende wurde beendet", StringComparison.Ordinal));

        // Each of the three links to the page on giving a new payment method, which answers without a sign-in.
        var link = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Kok.Domain.Mail.PublicPageLinks>(server.Services).PaymentMethod(Kok.Domain.Mail.MailLanguage.German);
        Assert.Equal(3, mails.Count(m => ((string)m["text"]!).Contains(link.AbsoluteUri, StringComparison.Ordinal)));
        using var page = await server.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_members_returned_dues_make_it_overdue_with_the_pay_link_mail_and_the_receipt_withdrawn()
    {
        var email = $"member.{Guid.NewGuid():N}@example.de";
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp(email, "sepa_debit"));
        signUp.EnsureSuccessStatusCode();
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var memberId = (string)created["memberId"]!;
        var sessionId = new Uri((string)created["checkoutUrl"]!).Segments[^1];
        var completed = await api.StripeActionAsync($"checkout/{sessionId}/complete", new { outcome = "succeeded", paymentMethod = "sepa_debit" });
        await MailsAsync(email, 2);
        Assert.Equal("active", (string)(await MemberAsync(memberId))["status"]!);

        clock.Advance(TimeSpan.FromDays(6));
        var returned = await api.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/return", new { failureCode = "insufficient_funds" });
        await api.StripeActionAsync($"events/{(string)returned["events"]![0]!["id"]!}/resend");

        var member = await MemberAsync(memberId);
        Assert.Equal("overdue", (string)member["status"]!);

        // Receipt, welcome, withdrawal, pay link; waited for by count rather than by empty queues, which other
        // tests on the same storage may be using at the time.
        var mails = await MailsAsync(email, 4);
        Assert.Single(mails, m => ((string)m["subject"]!).Contains("storniert", StringComparison.Ordinal));
        Assert.Single(mails, m => System.Text.RegularExpressions.Regex.IsMatch((string)m["text"]!, @"https?://\S+/api/memberships/mem_\w+/dues/pay\?token=[\w\-]+"));
        Assert.Equal("returned", (string)Assert.Single(await AttentionAsync(memberId))["kind"]!);
        var row = await MemberRowAsync(memberId);
        Assert.Equal(1, row.Returns);
        Assert.False(row.Stopped);
    }

    /// <summary>
    /// Two debits of the same saved mandate come back: the sign-up's, and a year later the first off-session dues
    /// charge. Both periods are then paid by bank transfer, so the member is active with that mandate still saved,
    /// and the next year's dues run must send the pay link instead of charging it.
    /// </summary>
    [Fact]
    public async Task After_a_second_return_on_the_same_mandate_the_next_dues_run_sends_the_pay_link_instead_of_charging()
    {
        // Years of its own (2062-2064) and a notice valid for them: dues a year apart are past the class's 2030 notice.
        await server.DisposeAsync();
        clock.SetUtcNow(new DateTimeOffset(2062, 1, 10, 10, 0, 0, TimeSpan.Zero));
        await StartAsync(exemptionNoticeDate: "2061-12-01");
        var email = $"twice.{Guid.NewGuid():N}@example.de";
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp(email, "sepa_debit"));
        signUp.EnsureSuccessStatusCode();
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var memberId = (string)created["memberId"]!;
        var sessionId = new Uri((string)created["checkoutUrl"]!).Segments[^1];
        var signUpPayment = (string)(await api.StripeActionAsync($"checkout/{sessionId}/complete", new { outcome = "succeeded", paymentMethod = "sepa_debit" }))["paymentIntentId"]!;
        await MailsAsync(email, 2);
        var amountCents = (long)(await MemberAsync(memberId))["annualAmountCents"]!;

        clock.Advance(TimeSpan.FromDays(6));
        await api.StripeActionAsync($"payments/{signUpPayment}/return", new { failureCode = "insufficient_funds" });
        Assert.Equal("overdue", (string)(await MemberAsync(memberId))["status"]!);
        Assert.Equal((1, false), await MemberRowAsync(memberId));
        await PaidByBankTransferAsync(memberId, amountCents);

        // A year on: pre-notified, then charged off-session on the same mandate; the debit settles, then comes back.
        await DuesRunAsync(email, new DateTimeOffset(2062, 12, 27, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2063, 1, 10, 5, 0, 0, TimeSpan.Zero));
        string? duesCharge = null;
        await Eventually.WaitUntilAsync(async () =>
        {
            duesCharge = (await PaymentIntentsAsync(memberId)).Select(p => (string)p!["id"]!).FirstOrDefault(id => id != signUpPayment);
            return duesCharge is not null;
        }, "the off-session dues charge");
        await api.StripeActionAsync($"payments/{duesCharge}/settle", new { outcome = "succeeded" });
        await Eventually.WaitUntilAsync(async () => (string?)(await MemberAsync(memberId))["nextDuesDate"] == "2064-01-10", "the 2063 dues paid");
        clock.Advance(TimeSpan.FromDays(6));
        await api.StripeActionAsync($"payments/{duesCharge}/return", new { failureCode = "debit_not_authorized" });

        Assert.Equal("overdue", (string)(await MemberAsync(memberId))["status"]!);
        Assert.Equal((2, true), await MemberRowAsync(memberId));
        Assert.Contains(await AttentionAsync(memberId), i => (string)i["kind"]! == "off_session_charges_stopped");
        await PaidByBankTransferAsync(memberId, amountCents);
        var charges = (await PaymentIntentsAsync(memberId)).Count;

        await DuesRunAsync(email, new DateTimeOffset(2063, 12, 27, 5, 0, 0, TimeSpan.Zero));
        var mails = await DuesRunAsync(email, new DateTimeOffset(2064, 1, 10, 5, 0, 0, TimeSpan.Zero));

        Assert.Matches(@"https?://\S+/api/memberships/mem_\w+/dues/pay\?token=[\w\-]+", (string)mails[0]["text"]!); // newest first
        Assert.Equal("overdue", (string)(await MemberAsync(memberId))["status"]!);
        Assert.Equal(charges, (await PaymentIntentsAsync(memberId)).Count);
    }

    /// <summary>
    /// Runs the dues scheduler at <paramref name="at"/> once the mails before it are out, and waits for the one mail it
    /// sends (the admin call answers before the run is done; the next run must not overtake it).
    /// </summary>
    private async Task<IReadOnlyList<JsonObject>> DuesRunAsync(string email, DateTimeOffset at)
    {
        await DrainedAsync();
        var before = (await MailsAsync(email, 0)).Count;
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, at);
        var mails = await MailsAsync(email, before + 1);
        await DrainedAsync();
        return mails;
    }

    [Fact]
    public async Task Money_back_events_with_a_bad_signature_write_nothing_and_unknown_ones_answer_200()
    {
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 30m, email: $"sig.{Guid.NewGuid():N}@example.org"));
        var paymentIntentId = (string)(await api.CompleteAsync(sessionId, "succeeded"))["paymentIntentId"]!;
        var held = await api.StripeActionAsync($"payments/{paymentIntentId}/dispute?deliver=false", new { reason = "general" });
        foreach (var stripeEvent in held["events"]!.AsArray())
        {
            var payload = await PayloadAsync((string)stripeEvent!["id"]!);
            using var forged = await PostWebhookAsync(payload, Signatures.Sign(payload, "whsec_wrong_secret_for_this_test_0000", clock.GetUtcNow().ToUnixTimeSeconds()));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal("paid", await api.StatusAsync(donationId));

        var unknown = (await PayloadAsync((string)held["events"]![0]!["id"]!))
            .Replace(paymentIntentId, "pi_3NotOursAtAll000000000000", StringComparison.Ordinal);
        using var answer = await PostWebhookAsync(unknown, Signatures.Sign(unknown, Signatures.DevHostSecret, clock.GetUtcNow().ToUnixTimeSeconds()));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("ignored", (string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!);
        Assert.Equal("paid", await api.StatusAsync(donationId));
    }

    private async Task<JsonObject> SummaryAsync()
    {
        await DashboardHost.SettledAsync(server); // The totals follow each event off its path (ADR 0006).
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/summary?year=2030");
        request.Headers.Authorization = new("Bearer", DonationApi.StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static long Moved(JsonObject before, JsonObject after, string path) =>
        DashboardHost.Number(after, path) - DashboardHost.Number(before, path);

    /// <summary>The open "Needs attention" items of one supporter, read page by page through the staff API.</summary>
    private async Task<IReadOnlyList<JsonObject>> AttentionAsync(string subjectId)
    {
        var found = new List<JsonObject>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/attention" + (token is null ? string.Empty : "?continuationToken=" + token));
            request.Headers.Authorization = new("Bearer", DonationApi.StaffToken);
            using var response = await server.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            found.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => (string?)i["subjectId"] == subjectId));
            token = (string?)page["continuationToken"];
        }
        while (token is not null);
        return found;
    }

    private async Task<HttpResponseMessage> StaffPostAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new("Bearer", DonationApi.StaffToken);
        return await server.Client.SendAsync(request);
    }

    private async Task<IReadOnlyList<string>> AuditActionsAsync()
    {
        var table = new TableClient(server.StorageConnectionString, Kok.Functions.Storage.TableNames.DashboardAudit);
        var actions = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.GetString("Action") is { } action)
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    private async Task<string> PayloadAsync(string eventId)
    {
        var payload = (await server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/events/{eventId}"))!["payload"]!;
        return payload is JsonValue ? (string)payload! : payload.ToJsonString();
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string payload, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/stripe/webhook") { Content = new StringContent(payload) };
        request.Headers.Add("Stripe-Signature", signature);
        return await server.Client.SendAsync(request);
    }

    private async Task<JsonObject> MemberAsync(string memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/memberships/{memberId}");
        request.Headers.Authorization = new("Bearer", DonationApi.StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Staff record the member's bank transfer of a year's dues (the period still unpaid).</summary>
    private async Task PaidByBankTransferAsync(string memberId, long amountCents)
    {
        var paidOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/members/{memberId}/payments")
        {
            Content = JsonContent.Create(new { amountCents, paidOn, reference = "Beitrag" }),
        };
        request.Headers.Authorization = new("Bearer", DonationApi.StaffToken);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("active", (string)(await MemberAsync(memberId))["status"]!);
    }

    private async Task<JsonArray> PaymentIntentsAsync(string memberId) =>
        (await server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/payment_intents?memberId={memberId}"))!["data"]!.AsArray();

    /// <summary>The returns the member's saved snapshot records, and whether off-session charges are stopped.</summary>
    private async Task<(int Returns, bool Stopped)> MemberRowAsync(string memberId)
    {
        var table = new TableClient(server.StorageConnectionString, Kok.Functions.Storage.TableNames.Members);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == memberId))
        {
            var json = Kok.Functions.Storage.ChunkedProperty.Read(row, "Snapshot");
            if (json is null)
            {
                continue;
            }

            var snapshot = System.Text.Json.JsonSerializer.Deserialize<Kok.Domain.Membership.MemberSnapshot>(json, Kok.Functions.Storage.KokJson.Options)!;
            var member = Kok.Domain.Membership.Member.FromSnapshot(snapshot);
            return (member.Returns.Count, member.OffSessionChargesStopped);
        }

        throw new InvalidOperationException("member row not found");
    }

    private async Task DrainedAsync() =>
        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(server.StorageConnectionString, "receipt-mail") == 0
                && await TestQueues.CountAsync(server.StorageConnectionString, "member-mail") == 0,
            "the mail queues are drained");

    private async Task<IReadOnlyList<JsonObject>> MailsAsync(string email, int count)
    {
        JsonObject[] mails = [];
        await Eventually.WaitUntilAsync(async () =>
        {
            var all = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
            mails = all.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => (string?)t == email)).ToArray();
            return mails.Length >= count;
        }, $"{count} mails to {email}");
        return mails;
    }
}
