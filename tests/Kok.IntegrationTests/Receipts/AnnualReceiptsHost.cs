using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.DevHost.Functions;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// DevHost for the annual receipts, on a fake clock: monthly and one-time donations through the Stripe stand-in, the
/// receipt mailer, the annual run and the staff receipts API. Each test uses payment years of its own, so the register
/// and the index hold nothing of other tests for them.
/// </summary>
internal sealed class AnnualReceiptsHost : IAsyncDisposable
{
    public const string Queue = "annual-receipts";

    private static readonly string[] Functions =
    [
        "CreateDonation", "GetDonation", "StripeWebhook", "ReceiptMail", "AnnualReceipts", "AnnualReceipt", "GetDashboardSummary",
        "PreviewAnnualReceipts", "SampleAnnualReceipt", "StartAnnualReceipts", "AnnualReceiptsProgress", "ListDashboardReceipts",
        "DownloadDashboardReceipt", "CopyDashboardReceipt", "CorrectDashboardReceipt", "AnnualReceiptsReconciliation",
        "ReceiptsPage", "ReceiptsPageScript", "DashboardAsset",
    ];

    private AnnualReceiptsHost(DevHostServer server, FakeTimeProvider clock, CapturedLogs logs)
    {
        Logs = logs;
        Server = server;
        Clock = clock;
        Donations = new DonationApi(server);
    }

    public DevHostServer Server { get; }

    /// <summary>Every log entry of the app, to check that none names a supporter.</summary>
    public CapturedLogs Logs { get; }

    public FakeTimeProvider Clock { get; }

    public DonationApi Donations { get; }

    /// <param name="settings">Extra settings, e.g. <c>Organisation:ExemptionNoticeDate</c>.</param>
    /// <param name="consume">False: the annual-receipts queue is not consumed (a run that dies after sending).</param>
    /// <param name="counter">Counts the app's storage requests; queue messages are then handled one at a time and the timer is off.</param>
    public static async Task<AnnualReceiptsHost> StartAsync(
        FakeTimeProvider clock,
        IReadOnlyDictionary<string, string>? settings = null,
        bool consume = true,
        StorageTransactionCounter? counter = null)
    {
        var logs = new CapturedLogs();
        var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Logs = logs;
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                o.Settings[key] = value;
            }

            if (counter is not null)
            {
                o.TransactionCounter = counter;
                o.Settings["AzureFunctionsJobHost:extensions:queues:batchSize"] = "1";
                o.Settings["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = "0";
            }

            foreach (var function in Functions.Where(f => (consume || f != "AnnualReceipt") && (counter is null || f != "AnnualReceipts")))
            {
                o.OnlyFunctions.Add(function);
            }
        });
        return new AnnualReceiptsHost(server, clock, logs);
    }

    /// <summary>A monthly donation paid once in each of <paramref name="months"/> (of <paramref name="year"/>); its id.</summary>
    public async Task<string> MonthlyDonorAsync(string email, int year, int[] months, bool wantsReceipt = true, string name = "Jörg Weißmüller")
    {
        MoveTo(new DateTimeOffset(year, months[0], 5, 9, 0, 0, TimeSpan.Zero));
        var (donationId, sessionId) = await Donations.CreateAsync(DonationApi.Body(amount: 12.50m, interval: "monthly", email: email, name: name, wantsReceipt: wantsReceipt));
        var completed = await Donations.CompleteAsync(sessionId, "succeeded");
        foreach (var month in months.Skip(1))
        {
            MoveTo(new DateTimeOffset(year, month, 5, 9, 0, 0, TimeSpan.Zero));
            await Donations.StripeActionAsync($"subscriptions/{(string)completed["subscriptionId"]!}/renew");
        }

        return donationId;
    }

    /// <summary>The clock only moves forward: a later donor's payments fall on the current day when it is past the month.</summary>
    private void MoveTo(DateTimeOffset at)
    {
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at);
        }
    }

    /// <summary>Runs AnnualReceipts as the admin API does (the previous year) and waits until its queue is worked off.</summary>
    public async Task RunAsync()
    {
        var executions = Server.Services.GetRequiredService<FunctionExecutions>();
        var before = executions.Succeeded("AnnualReceipts");
        (await Server.Client.PostAsJsonAsync("admin/functions/AnnualReceipts", new { })).EnsureSuccessStatusCode();
        await Eventually.WaitUntilAsync(() => executions.Succeeded("AnnualReceipts") > before, "the annual run sent its messages");
        await DrainedAsync();
    }

    public async Task DrainedAsync()
    {
        // The run sends its messages in the background after the 202: wait for the run's record, then the queue.
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(Server.StorageConnectionString, Queue) == 0
            && await TestQueues.CountAsync(Server.StorageConnectionString, "receipt-mail") == 0, "the annual run's messages are handled");
    }

    public async Task<IReadOnlyList<JsonObject>> MailsToAsync(string email)
    {
        var mails = (await Server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return mails.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => (string?)t == email)).ToArray();
    }

    public Task<HttpResponseMessage> StaffAsync(HttpMethod method, string path, object? body = null) =>
        DashboardHost.SendAsync(Server, method, path, body);

    public async Task<JsonObject> StaffJsonAsync(string path)
    {
        using var response = await StaffAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The receipts numbered in <paramref name="issueYear"/> as the staff API lists them.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReceiptsAsync(int issueYear, string? search = null) =>
        (await StaffJsonAsync($"api/dashboard/receipts?year={issueYear}{(search is null ? string.Empty : "&q=" + Uri.EscapeDataString(search))}"))["receipts"]!
            .AsArray().Select(r => r!.AsObject()).ToArray();

    /// <summary>All words of every page of a PDF the staff API returns.</summary>
    public async Task<string> PdfTextAsync(string path)
    {
        using var response = await StaffAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    public static async Task ClearAsync(DevHostServer server)
    {
        foreach (var name in new[] { Queue, Queue + "-poison", "receipt-mail", "receipt-mail-poison" })
        {
            var queue = server.Queue(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }

        (await server.Client.DeleteAsync("dev/mail")).EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
