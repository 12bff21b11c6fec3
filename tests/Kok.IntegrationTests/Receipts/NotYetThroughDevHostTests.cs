using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.DevHost.Functions;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// Producers enqueue before they save, so a mail message may come before its subject is saved. Through DevHost with
/// host.json's retry rules: such a message is put back for later (a new copy, invisible for a while) instead of
/// failing, so it spends no delivery attempt and the mail goes out once the save is there; and a full refund right
/// after the payment, before the thank-you was decided, ends with no mail and no receipt number.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class NotYetThroughDevHostTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private DevHostServer _server = null!;
    private DonationApi _api = null!;

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "receipt-mail", "receipt-mail-poison" })
        {
            var queue = TestQueues.Client(TestStorage.ConnectionString, name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }

        await StartAsync();
    }

    private async Task StartAsync(params string[] onlyFunctions)
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Logs = _logs;
            foreach (var function in onlyFunctions)
            {
                o.OnlyFunctions.Add(function);
            }
        });
        _api = new DonationApi(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_receipt_mail_delivered_before_its_payment_is_saved_is_put_back_and_sent_once_after_the_save()
    {
        const string email = "not-yet@example.org";
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(email: email, paymentMethod: "sepa_debit"));
        var completed = await _api.CompleteAsync(sessionId, "processing");
        var paymentId = (string)(await _api.GetAsync(donationId))["payments"]!.AsArray()[0]!["paymentId"]!;

        // The webhook's message for the paid payment, come before its save: the payment is still processing.
        await TestQueues.SendAsync(_server.StorageConnectionString, "receipt-mail",
            $$"""{"subjectKind":"donation","subjectId":"{{donationId}}","paymentId":"{{paymentId}}"}""");
        await Eventually.WaitUntilAsync(() => _logs.Lines.Any(l => l.Contains("Message of receipt-mail not due yet; put back", StringComparison.Ordinal)),
            "the early message is put back");

        await _api.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/settle", new { outcome = "succeeded" });
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(email)).Count > 0, "the thank-you reaches the SendGrid stand-in");
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail") == 0,
            "every copy is worked off");

        Assert.Single(await MailsToAsync(email));
        Assert.Equal(0, _server.Services.GetRequiredService<FunctionExecutions>().Failed("ReceiptMail"));
        var deliveries = _logs.Lines.Where(l => l.Contains("Executing 'Functions.ReceiptMail'", StringComparison.Ordinal)).ToList();
        Assert.True(deliveries.Count >= 2, "the early message and its copy were delivered");
        Assert.All(deliveries, l => Assert.Contains("(dequeue count 1)", l, StringComparison.Ordinal));
        Assert.Equal(0, await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail-poison"));
    }

    [Fact]
    public async Task A_full_refund_saved_before_the_thank_you_went_out_sends_no_mail_and_takes_no_receipt_number()
    {
        const string email = "refunded-at-once@example.org";

        // Payment and refund both saved before any mailer runs: a host without the ReceiptMail function takes them,
        // then a host with it works off both messages.
        await _server.DisposeAsync();
        await StartAsync("CreateDonation", "GetDonation", "StripeWebhook");
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(email: email));
        var completed = await _api.CompleteAsync(sessionId, "succeeded");
        await _api.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/refund");
        Assert.Equal("refunded", await _api.StatusAsync(donationId));
        Assert.Equal(2, await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail"));
        await _server.DisposeAsync();
        await StartAsync();

        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail") == 0,
            "both receipt-mail messages are worked off");

        Assert.Empty(await MailsToAsync(email));
        var thanks = Assert.Single(await MailLogRowsAsync(donationId), r => r.RowKey == "donation_thank_you");
        Assert.Equal("failed", thanks.GetString("State"));
        Assert.Contains("refunded in full before its thank-you", thanks.GetString("FailureReason"), StringComparison.Ordinal);
        Assert.Null(thanks.GetString("ReceiptNumber"));
        Assert.Equal(0, _server.Services.GetRequiredService<FunctionExecutions>().Failed("ReceiptMail"));
    }

    [Fact]
    public async Task A_full_refund_after_the_thank_you_went_out_withdraws_its_receipt_with_one_more_mail()
    {
        const string email = "refunded-later@example.org";
        var (_, sessionId) = await _api.CreateAsync(DonationApi.Body(email: email));
        var completed = await _api.CompleteAsync(sessionId, "succeeded");
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(email)).Count == 1, "the thank-you with its receipt goes out");

        await _api.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/refund");
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(email)).Count == 2, "the withdrawal goes out");

        var mails = await MailsToAsync(email);
        Assert.Contains("storniert", (string)mails[0]["subject"]!, StringComparison.Ordinal);
        Assert.Contains("Zuwendungsbestätigung Nr.", (string)mails[1]["subject"]!, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<JsonObject>> MailsToAsync(string email)
    {
        var mails = (await _server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return mails.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => (string?)t == email)).ToArray();
    }

    private async Task<IReadOnlyList<Azure.Data.Tables.TableEntity>> MailLogRowsAsync(string donationId)
    {
        var table = new Azure.Data.Tables.TableClient(_server.StorageConnectionString, "MailLog");
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            if (row.PartitionKey.Contains(donationId, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
