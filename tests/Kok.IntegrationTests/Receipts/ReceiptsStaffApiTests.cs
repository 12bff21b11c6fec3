using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The staff's receipts API through DevHost: preview (nothing written), start, progress, list and search, PDF,
/// correction, reconciliation, guards; and what the annual run costs per donor however much unrelated data is stored.
/// Payment years 2076–2080 are this class's own.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class ReceiptsStaffApiTests(ITestOutputHelper output)
{
    private static Dictionary<string, string> Notice(string date) => new() { ["Organisation:ExemptionNoticeDate"] = date };

    [Fact]
    public async Task Staff_preview_start_search_correct_and_reconcile_a_year_and_nothing_is_written_before_the_start()
    {
        const int year = 2076;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock, Notice("2075-06-01"));
        await AnnualReceiptsHost.ClearAsync(host.Server);
        await host.MonthlyDonorAsync("api-a-2076@example.org", year, [2, 3], name: "Agnes Größer");
        await host.MonthlyDonorAsync("api-b-2076@example.org", year, [4], name: "Bernd Strauß");
        await host.MonthlyDonorAsync("api-c-2076@example.org", year, [5], wantsReceipt: false, name: "Clara Ohnewunsch");
        clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));

        // Staff only.
        using (var anonymous = await host.Server.Client.GetAsync($"api/dashboard/receipts/annual/{year}/preview"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var preview = await host.StaffJsonAsync($"api/dashboard/receipts/annual/{year}/preview");
        Assert.Equal(2, (int)preview["donors"]!);
        Assert.Equal(3, (int)preview["payments"]!);
        Assert.Equal(3 * 1250, (long)preview["totalCents"]!);
        Assert.Equal(0, (int)preview["alreadyIssued"]!);
        var leftOut = Assert.Single(preview["leftOut"]!.AsArray())!;
        Assert.Equal("Clara Ohnewunsch", (string)leftOut["name"]!);
        Assert.Equal("no_receipt_wanted", (string)leftOut["reason"]!);
        var sample = await host.PdfTextAsync((string)preview["sample"]!);
        Assert.Contains("Entwurf", sample, StringComparison.Ordinal);
        Assert.Contains("Sammelbestätigung", sample, StringComparison.Ordinal);

        // The preview numbered and sent nothing.
        Assert.Empty(await host.ReceiptsAsync(year + 1));
        var before = await host.StaffJsonAsync($"api/dashboard/receipts/annual/{year}/progress");
        Assert.Null(before["started"]);
        Assert.Equal(0, await TestQueues.CountAsync(host.Server.StorageConnectionString, AnnualReceiptsHost.Queue));

        // Guards: a year not over, a malformed year.
        using (var future = await host.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/annual/{year + 1}/run"))
        {
            Assert.Equal(HttpStatusCode.Conflict, future.StatusCode);
        }

        using (var malformed = await host.StaffAsync(HttpMethod.Get, "api/dashboard/receipts/annual/20x6/preview"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("year", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var start = await host.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/annual/{year}/run"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            Assert.True((bool)(await start.Content.ReadFromJsonAsync<JsonObject>())!["started"]!);
        }

        await Eventually.WaitUntilAsync(async () => (await host.ReceiptsAsync(year + 1)).Count == 2, "two receipts");
        await host.DrainedAsync();
        var progress = await host.StaffJsonAsync($"api/dashboard/receipts/annual/{year}/progress");
        Assert.Equal(2, (int)progress["done"]!);
        Assert.Equal(0, (int)progress["toDo"]!);
        Assert.Equal(0, (int)progress["failed"]!);

        var agnes = Assert.Single(await host.ReceiptsAsync(year + 1, "größer"));
        Assert.Single(await host.ReceiptsAsync(year + 1, (string)agnes["number"]!));
        Assert.Empty(await host.ReceiptsAsync(year + 1, "nobody"));

        // Correction: a reason is required; then withdrawn and reissued under a new number, mailed, audited.
        var number = (string)agnes["number"]!;
        using (var noReason = await host.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/{number}/correct", new { reason = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknown = await host.StaffAsync(HttpMethod.Post, "api/dashboard/receipts/2077-999999/correct", new { reason = "Tippfehler" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        JsonObject corrected;
        using (var correct = await host.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/{number}/correct", new { reason = "Anschrift falsch" }))
        {
            Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
            corrected = (await correct.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        Assert.Equal("Reissued", (string)corrected["outcome"]!, ignoreCase: true);
        var replacement = (string)corrected["replacement"]!;
        var listed = await host.ReceiptsAsync(year + 1, "größer");
        Assert.Equal(2, listed.Count);
        Assert.Equal(number, (string)listed.Single(r => (string)r["number"]! == replacement)["replaces"]!);
        Assert.Equal("Anschrift falsch", (string)listed.Single(r => (string)r["number"]! == number)["withdrawalReason"]!);
        Assert.Contains("storniert", await host.PdfTextAsync($"api/dashboard/receipts/{number}/pdf"), StringComparison.OrdinalIgnoreCase);
        await Eventually.WaitUntilAsync(
            async () => (await host.MailsToAsync("api-a-2076@example.org")).Any(m => ((string)m["subject"]!).Contains("berichtigt", StringComparison.Ordinal)),
            "the correction mail");
        using (var again = await host.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/{number}/correct", new { reason = "noch einmal" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var audit = await host.Server.Services.GetRequiredService<IAuditTrail>().ListAsync(AuditEntry.Global, 50, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "receipts.correct" && a.Details!.Contains(number, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "receipts.annual.start" && a.Details!.Contains($"{year}", StringComparison.Ordinal));

        // Reconciliation: four payments paid, three confirmed, the fourth explained (no receipt wanted).
        var report = await host.StaffJsonAsync($"api/dashboard/receipts/reconciliation?year={year}");
        Assert.Equal(4 * 1250, (long)report["paidCents"]!);
        Assert.Equal(3 * 1250, (long)report["receiptedCents"]!);
        var difference = Assert.Single(report["differences"]!.AsArray())!;
        Assert.Equal("no_receipt_wanted", (string)difference["issue"]!);
        Assert.True((bool)difference["explained"]!);

        Assert.DoesNotContain("Größer", host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("api-a-2076@example.org", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_annual_run_costs_the_same_storage_transactions_per_donor_whatever_unrelated_data_is_stored()
    {
        var counter = new StorageTransactionCounter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2077, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock, Notice("2076-06-01"), counter: counter);
        await AnnualReceiptsHost.ClearAsync(host.Server);

        // A first run pays what a process pays once (tables, queue, signature image).
        await DonorsAsync(host, 2077, "warm");
        var warmUp = await RunAsync(host, counter, 2077, "warm");

        await DonorsAsync(host, 2078, "few");
        var few = await RunAsync(host, counter, 2078, "few");

        // Unrelated data: twenty monthly donors of 2079, never confirmed here.
        for (var i = 0; i < 20; i++)
        {
            await host.MonthlyDonorAsync($"unrelated-{i}-2079@example.org", 2079, [2, 3, 4]);
        }

        await DonorsAsync(host, 2080, "many");
        var many = await RunAsync(host, counter, 2080, "many");

        output.WriteLine($"warm-up {warmUp.Count}, with few unrelated {few.Count}, with many {many.Count}: {few.Count / 3.0:0.#} per donor");
        foreach (var kind in Kinds(few))
        {
            output.WriteLine($"  {kind.Key}: {kind.Value}");
        }

        Assert.Equal(few.Count, many.Count);
        Assert.Equal(Kinds(few), Kinds(many));
    }

    private static async Task DonorsAsync(AnnualReceiptsHost host, int year, string tag)
    {
        for (var i = 0; i < 3; i++)
        {
            await host.MonthlyDonorAsync($"cost-{tag}-{i}-{year}@example.org", year, [2, 3], name: $"Kosten {tag} {i}");
        }
    }

    /// <summary>Starts the year's run as staff and waits until it is worked off; the app's own storage requests (the host's queue polling left out).</summary>
    private static async Task<IReadOnlyList<StorageTransaction>> RunAsync(AnnualReceiptsHost host, StorageTransactionCounter counter, int year, string tag)
    {
        host.Clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));
        await host.DrainedAsync();
        var all = await counter.MeasureAsync(async () =>
        {
            using (var start = await host.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/annual/{year}/run"))
            {
                Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            }

            // Waiting reads the SendGrid stand-in and the queues through clients of the test's own, never the app's storage.
            await Eventually.WaitUntilAsync(
                async () => (await AnnualMailsAsync(host, tag, year)) == 3, "three annual receipt mails");
            await host.DrainedAsync();
        });

        // Left out: the host receiving and deleting messages (polling, whose count depends on timing).
        return all.Where(t => !(t.Path.Contains("/messages", StringComparison.Ordinal) && t.Method is "GET" or "DELETE")).ToList();
    }

    private static async Task<int> AnnualMailsAsync(AnnualReceiptsHost host, string tag, int year)
    {
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            count += (await host.MailsToAsync($"cost-{tag}-{i}-{year}@example.org")).Count(m => ((string)m["subject"]!).Contains("Sammelbestätigung", StringComparison.Ordinal));
        }

        return count;
    }

    private static SortedDictionary<string, int> Kinds(IReadOnlyList<StorageTransaction> transactions) =>
        new(transactions.GroupBy(t => t.Method + " " + t.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1].Split('(')[0]).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
