using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The whole receipt pipeline as it runs locally: donation paid through the Stripe stand-in → receipt-mail queue
/// polled by DevHost with host.json's retry rules → SendGrid stand-in. Faults are armed on the stand-in.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class ReceiptMailThroughDevHostTests : IAsyncLifetime
{
    private const string DonorName = "Zoë Quellenberg-Tarnowski";
    private const string DonorEmail = "zoe.quellenberg@example.org";

    private readonly CapturedLogs _logs = new();
    private DevHostServer _server = null!;
    private DonationApi _api = null!;

    public Task InitializeAsync() => StartAsync(maxDequeueCount: 3);

    private async Task StartAsync(int maxDequeueCount)
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.MaxDequeueCount = maxDequeueCount;
            o.Logs = _logs;
        });
        _api = new DonationApi(_server);
        foreach (var name in new[] { "receipt-mail", "receipt-mail-poison" })
        {
            var queue = _server.Queue(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }

        (await _server.Client.DeleteAsync("dev/mail")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Paid_donation_gets_exactly_one_mail_with_one_pdf_and_no_personal_data_in_logs()
    {
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(name: DonorName, email: DonorEmail));
        await _api.CompleteAsync(sessionId, "succeeded");

        var mail = await SingleMailToAsync(DonorEmail);

        var attachment = Assert.Single(mail["attachments"]!.AsArray())!;
        Assert.Equal("application/pdf", (string)attachment["type"]!);
        Assert.True((long)attachment["sizeBytes"]! > 1000);
        using var pdf = await _server.Client.GetAsync($"dev/mail/{(string)mail["id"]!}/attachments/0");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);

        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(DonorName, _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(DonorEmail, _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Quellenberg", _logs.All, StringComparison.Ordinal);
        Assert.Equal("paid", await _api.StatusAsync(donationId));
    }

    [Fact]
    public async Task Same_message_delivered_twice_sends_one_mail_with_one_receipt_number()
    {
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(email: "twice@example.org"));
        await _api.CompleteAsync(sessionId, "succeeded");
        var first = await SingleMailToAsync("twice@example.org");

        // Put the very same message on the queue again, as an at-least-once queue may.
        _ = first;
        var request = await ReceiptRequestAsync(donationId);
        await TestQueues.SendAsync(_server.StorageConnectionString, "receipt-mail", request);
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail") == 0,
            "the repeated message is consumed");

        Assert.Single(await MailsToAsync("twice@example.org"));
    }

    [Fact]
    public async Task SendGrid_failing_twice_delivers_on_the_third_try()
    {
        // The webhook enqueues before it saves the payment as paid, so the first delivery may find it not paid yet and
        // be retried without reaching SendGrid: one delivery more than SendGrid's three tries, or that race parks it.
        await _server.DisposeAsync();
        await StartAsync(maxDequeueCount: 4);
        await ArmFaultsAsync(2, 503);
        var (_, sessionId) = await _api.CreateAsync(DonationApi.Body(email: "third-try@example.org"));

        await _api.CompleteAsync(sessionId, "succeeded");

        await SingleMailToAsync("third-try@example.org");
        Assert.Equal(0, await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail-poison"));
    }

    [Fact]
    public async Task SendGrid_failing_always_parks_the_message_in_poison_and_the_mail_log_shows_it()
    {
        await ArmFaultsAsync(1000, 503);
        var (donationId, sessionId) = await _api.CreateAsync(DonationApi.Body(email: "never@example.org"));

        await _api.CompleteAsync(sessionId, "succeeded");

        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail-poison") == 1,
            "the message reaches receipt-mail-poison");
        var parked = JsonNode.Parse((await TestQueues.PeekTextsAsync(_server.StorageConnectionString, "receipt-mail-poison")).Single())!;
        Assert.Equal(donationId, (string)parked["subjectId"]!);
        Assert.Empty(await MailsToAsync("never@example.org"));

        var log = await MailLogRowsAsync(donationId);
        var entry = Assert.Single(log);
        // Every delivery that reached SendGrid is counted. The webhook enqueues before it saves the payment as paid,
        // so a first delivery may find it not yet paid and is retried without a send: 2 or 3 attempts of 3.
        Assert.InRange(entry.GetInt32("Attempts") ?? 0, 1, 3);
        Assert.Equal("pending", entry.GetString("State"));
        Assert.Contains("SendGrid", entry.GetString("LastError") ?? string.Empty, StringComparison.Ordinal);
        await _server.Client.DeleteAsync("dev/sendgrid/faults");
    }

    private async Task ArmFaultsAsync(int failNext, int status) =>
        (await _server.Client.PostAsJsonAsync("dev/sendgrid/faults", new { failNext, status })).EnsureSuccessStatusCode();

    private async Task<IReadOnlyList<JsonObject>> MailsToAsync(string email)
    {
        var mails = (await _server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return mails.Select(m => m!.AsObject())
            .Where(m => m["to"]!.AsArray().Any(t => (string?)t == email))
            .ToArray();
    }

    private async Task<JsonObject> SingleMailToAsync(string email)
    {
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(email)).Count > 0, $"a mail reaches the SendGrid stand-in");
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail") == 0,
            "the receipt-mail queue is drained");
        return Assert.Single(await MailsToAsync(email));
    }

    private async Task<string> ReceiptRequestAsync(string donationId)
    {
        var donation = await _api.GetAsync(donationId);
        var paymentId = (string)donation["payments"]!.AsArray()[0]!["paymentId"]!;
        return $$"""{"subjectKind":"donation","subjectId":"{{donationId}}","paymentId":"{{paymentId}}"}""";
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
