using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Donations;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The annual Sammelbestätigungen through DevHost with the fake clock: donations paid through the Stripe stand-in in
/// one year, the January run (timer or admin call), the annual-receipts queue, the SendGrid stand-in and the staff's
/// receipts API. Each test has payment years no other test uses (2071–2079), so runs see only its donors.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class AnnualReceiptsThroughDevHostTests
{
    private static Dictionary<string, string> Notice(string date) => new() { ["Organisation:ExemptionNoticeDate"] = date };

    [Fact]
    public async Task In_January_the_monthly_donor_gets_exactly_one_Sammelbestaetigung_of_three_payments_and_the_one_time_donor_none()
    {
        const int year = 2071;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock, Notice("2070-06-01"));
        await AnnualReceiptsHost.ClearAsync(host.Server);
        var monthly = await host.MonthlyDonorAsync("monthly-2071@example.org", year, [3, 4, 5]);
        clock.SetUtcNow(new DateTimeOffset(year, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var (oneTime, session) = await host.Donations.CreateAsync(Donations.DonationApi.Body(email: "once-2071@example.org"));
        await host.Donations.CompleteAsync(session, "succeeded");
        await Eventually.WaitUntilAsync(async () => (await host.MailsToAsync("once-2071@example.org")).Count == 1, "the one-time donor's receipt mail");
        var single = Assert.Single(await host.ReceiptsAsync(year));
        Assert.Equal("einzelbestaetigung", (string)single["form"]!);

        // 10 January, 04:00 UTC: the scheduled run for the year before.
        clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 10, 4, 0, 1, TimeSpan.Zero));
        await Eventually.WaitUntilAsync(() => host.Server.Timers.CompletedScheduledRuns("AnnualReceipts") >= 1, "the scheduled annual run");
        await host.DrainedAsync();

        var annual = Assert.Single(await host.ReceiptsAsync(year + 1));
        Assert.Equal("sammelbestaetigung", (string)annual["form"]!);
        Assert.Equal(3 * 1250, (long)annual["amountCents"]!);
        Assert.Equal(year, (int)annual["periodYear"]!);
        var mail = Assert.Single(await host.MailsToAsync("monthly-2071@example.org"), m => ((string)m["subject"]!).Contains("Sammelbestätigung", StringComparison.Ordinal));
        Assert.Contains((string)annual["number"]!, (string)mail["subject"]!, StringComparison.Ordinal);
        var attachment = Assert.Single(mail["attachments"]!.AsArray())!;
        Assert.Equal("application/pdf", (string)attachment["type"]!);
        var text = await host.PdfTextAsync((string)annual["pdf"]!);
        Assert.Contains("Sammelbestätigung", text, StringComparison.Ordinal);
        Assert.Contains("Anlage", text, StringComparison.Ordinal);
        Assert.Single(await host.MailsToAsync("once-2071@example.org"));
        Assert.Equal(single["number"]!.ToString(), Assert.Single(await host.ReceiptsAsync(year))["number"]!.ToString());
        Assert.NotNull(monthly);
        Assert.NotNull(oneTime);

        // The run repeated (admin call) and a message delivered again: nothing new, nothing sent twice.
        await host.RunAsync();
        await TestQueues.SendAsync(host.Server.StorageConnectionString, AnnualReceiptsHost.Queue, await DonorMessageAsync(host, year));
        await host.DrainedAsync();
        Assert.Single(await host.ReceiptsAsync(year + 1));
        Assert.Single(await host.MailsToAsync("monthly-2071@example.org"), m => ((string)m["subject"]!).Contains("Sammelbestätigung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_killed_after_half_the_donors_and_run_again_confirms_every_donor_exactly_once()
    {
        const int year = 2072;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var emails = Enumerable.Range(1, 6).Select(i => $"half-{i}-2072@example.org").ToArray();
        await using (var first = await AnnualReceiptsHost.StartAsync(clock, Notice("2071-06-01"), consume: false))
        {
            await AnnualReceiptsHost.ClearAsync(first.Server);
            foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            {
                await first.MonthlyDonorAsync(email, year, [2, 3], name: $"Spender {i} Müßig");
            }

            // The run sends six messages; the process dies after only three of them were handled: the other three are lost.
            clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));
            (await first.Server.Client.PostAsJsonAsync("admin/functions/AnnualReceipts", new { })).EnsureSuccessStatusCode();
            await Eventually.WaitUntilAsync(
                async () => await TestQueues.CountAsync(first.Server.StorageConnectionString, AnnualReceiptsHost.Queue) == 6, "six messages sent");
            var queue = first.Server.Queue(AnnualReceiptsHost.Queue);
            foreach (var message in (await queue.ReceiveMessagesAsync(3)).Value)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        await using var second = await AnnualReceiptsHost.StartAsync(clock, Notice("2071-06-01"));
        await second.DrainedAsync();
        var afterCrash = await second.ReceiptsAsync(year + 1);
        Assert.True(afterCrash.Count == 3, $"{afterCrash.Count} receipts after the crash, expected 3");

        await second.RunAsync();
        await second.RunAsync();

        var receipts = await second.ReceiptsAsync(year + 1);
        Assert.Equal(6, receipts.Count);
        Assert.Equal(6, receipts.Select(r => (string)r["donorName"]!).Distinct().Count());
        foreach (var email in emails)
        {
            Assert.Single(await second.MailsToAsync(email), m => ((string)m["subject"]!).Contains("Sammelbestätigung", StringComparison.Ordinal));
        }

        var progress = await second.StaffJsonAsync($"api/dashboard/receipts/annual/{year}/progress");
        Assert.Equal(6, (int)progress["done"]!);
        Assert.Equal(0, (int)progress["toDo"]!);
    }

    [Fact]
    public async Task A_refund_after_the_run_withdraws_the_Sammelbestaetigung_and_reissues_it_without_that_payment()
    {
        const int year = 2073;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock, Notice("2072-06-01"));
        await AnnualReceiptsHost.ClearAsync(host.Server);
        var donationId = await host.MonthlyDonorAsync("refund-2073@example.org", year, [4, 5, 6]);
        clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));
        await host.RunAsync();
        var original = Assert.Single(await host.ReceiptsAsync(year + 1));

        await RefundFirstPaymentAsync(host, donationId);
        await Eventually.WaitUntilAsync(async () => (await host.ReceiptsAsync(year + 1)).Count == 2, "the corrected receipt");

        await host.DrainedAsync();

        var receipts = await host.ReceiptsAsync(year + 1);
        var withdrawn = receipts.Single(r => (string)r["number"]! == (string)original["number"]!);
        var replacement = receipts.Single(r => (string)r["number"]! != (string)original["number"]!);
        Assert.NotNull((string?)withdrawn["withdrawnOn"]);
        Assert.Equal((string)replacement["number"]!, (string)withdrawn["replacedBy"]!);
        Assert.Equal((string)original["number"]!, (string)replacement["replaces"]!);
        Assert.Equal(2 * 1250, (long)replacement["amountCents"]!);
        Assert.Contains("storniert", await host.PdfTextAsync((string)withdrawn["pdf"]!), StringComparison.OrdinalIgnoreCase);
        var corrected = Assert.Single(await host.MailsToAsync("refund-2073@example.org"), m => ((string)m["subject"]!).Contains("berichtigt", StringComparison.Ordinal));
        Assert.Single(corrected["attachments"]!.AsArray());

        // The refund's message again, and the run again: nothing more.
        await host.RunAsync();
        Assert.Equal(2, (await host.ReceiptsAsync(year + 1)).Count);
    }

    [Fact]
    public async Task With_the_exemption_notice_too_old_nothing_is_issued_the_summary_alerts_and_the_run_resumes_after_the_fix()
    {
        const int year = 2074;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var blocked = await AnnualReceiptsHost.StartAsync(clock, Notice("2068-01-01")))
        {
            await AnnualReceiptsHost.ClearAsync(blocked.Server);
            await blocked.MonthlyDonorAsync("blocked-2074@example.org", year, [3, 4]);
            clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));
            (await blocked.Server.Client.PostAsJsonAsync("admin/functions/AnnualReceipts", new { })).EnsureSuccessStatusCode();

            // The message was handled and waits (invisible, put back): not in the poison queue, nothing numbered or sent.
            await Eventually.WaitUntilAsync(
                async () => (await TestQueues.PeekTextsAsync(blocked.Server.StorageConnectionString, AnnualReceiptsHost.Queue)).Count == 0
                    && await TestQueues.CountAsync(blocked.Server.StorageConnectionString, AnnualReceiptsHost.Queue) == 1,
                "the message waits");
            Assert.Equal(0, await TestQueues.CountAsync(blocked.Server.StorageConnectionString, AnnualReceiptsHost.Queue + "-poison"));
            Assert.Empty(await blocked.ReceiptsAsync(year + 1));
            Assert.DoesNotContain(await blocked.MailsToAsync("blocked-2074@example.org"), m => ((string)m["subject"]!).Contains("Sammelbestätigung", StringComparison.Ordinal));

            var summary = await DashboardHost.SummaryAsync(blocked.Server, year + 1);
            var alert = summary["receiptsBlocked"]!.AsObject();
            Assert.Contains("Organisation__ExemptionNoticeDate", alert["settings"]!.AsArray().Select(s => (string)s!));
            Assert.Contains("Freistellungsbescheid", (string)alert["german"]!, StringComparison.Ordinal);
            var progress = await blocked.StaffJsonAsync($"api/dashboard/receipts/annual/{year}/progress");
            Assert.Equal(1, (int)progress["toDo"]!);
            Assert.NotNull(progress["blocker"]);
        }

        // The office enters the new notice (the app restarts with the setting) and starts the run again.
        await using var fixedHost = await AnnualReceiptsHost.StartAsync(clock, Notice("2073-09-01"));
        Assert.Null((await DashboardHost.SummaryAsync(fixedHost.Server, year + 1))["receiptsBlocked"]);
        using (var start = await fixedHost.StaffAsync(HttpMethod.Post, $"api/dashboard/receipts/annual/{year}/run"))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        await Eventually.WaitUntilAsync(async () => (await fixedHost.ReceiptsAsync(year + 1)).Count == 1, "the receipt after the fix");
        await Eventually.WaitUntilAsync(
            async () => (await fixedHost.MailsToAsync("blocked-2074@example.org")).Count(m => ((string)m["subject"]!).Contains("Sammelbestätigung", StringComparison.Ordinal)) == 1,
            "its mail");
    }

    [Fact]
    public async Task The_staff_copy_reproduces_the_original_after_the_organisation_settings_changed()
    {
        const int year = 2075;
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 5, 1, 9, 0, 0, TimeSpan.Zero));
        string number;
        await using (var before = await AnnualReceiptsHost.StartAsync(clock, new Dictionary<string, string>
        {
            ["Organisation:ExemptionNoticeDate"] = "2074-06-01",
            ["Organisation:SignatoryName"] = "Erika Altvorstand",
        }))
        {
            await AnnualReceiptsHost.ClearAsync(before.Server);
            await before.MonthlyDonorAsync("copy-2075@example.org", year, [5, 6]);
            clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));
            await before.RunAsync();
            number = (string)Assert.Single(await before.ReceiptsAsync(year + 1))["number"]!;
        }

        clock.SetUtcNow(new DateTimeOffset(year + 1, 9, 1, 8, 0, 0, TimeSpan.Zero));
        await using var after = await AnnualReceiptsHost.StartAsync(clock, new Dictionary<string, string>
        {
            ["Organisation:ExemptionNoticeDate"] = "2076-03-01",
            ["Organisation:SignatoryName"] = "Neue Vorsitzende",
        });

        var copy = await after.PdfTextAsync($"api/dashboard/receipts/{number}/copy");
        Assert.Contains("Zweitschrift", copy, StringComparison.Ordinal);
        Assert.Contains(number, copy, StringComparison.Ordinal);
        Assert.Contains("Altvorstand", copy, StringComparison.Ordinal);
        Assert.Contains("09.01.2076", copy, StringComparison.Ordinal);
        Assert.DoesNotContain("Vorsitzende", copy, StringComparison.Ordinal);
        Assert.DoesNotContain("01.09.2076", copy, StringComparison.Ordinal);
    }

    /// <summary>
    /// The donation's first payment refunded in full through the Stripe stand-in: its payment intent is the one the
    /// invoice's <c>invoice_payment.paid</c> named, which the donation recorded.
    /// </summary>
    private static async Task RefundFirstPaymentAsync(AnnualReceiptsHost host, string donationId)
    {
        var repository = host.Server.Services.GetRequiredService<IDonationRepository>();
        var stored = (await repository.GetAsync(donationId, CancellationToken.None))!;
        var paymentIntentId = stored.Donation.Payments[0].PaymentIntentId;
        Assert.NotNull(paymentIntentId);
        var refunded = await host.Donations.StripeActionAsync($"payments/{paymentIntentId}/refund");
        Assert.All(refunded["events"]!.AsArray(), e => Assert.Equal(200, (int)e!["deliveries"]![0]!["status"]!));
    }

    /// <summary>The annual-receipts message of the year's only donor group, as the run sends it.</summary>
    private static async Task<string> DonorMessageAsync(AnnualReceiptsHost host, int year)
    {
        var receipt = Assert.Single(await host.ReceiptsAsync(year + 1));
        var register = host.Server.Services.GetService(typeof(Kok.Domain.Receipts.IReceiptRegister)) as Kok.Domain.Receipts.IReceiptRegister;
        var issued = await register!.GetAsync((string)receipt["number"]!, CancellationToken.None);
        return new JsonObject { ["year"] = year, ["donorKey"] = issued!.DonorKey!.Value }.ToJsonString();
    }
}
