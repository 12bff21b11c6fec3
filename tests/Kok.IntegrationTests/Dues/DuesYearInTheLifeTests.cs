using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dues;

/// <summary>
/// Three years of one supporting member, run the way it runs locally: every function hosted by DevHost on Azurite,
/// the fake clock moved from day to day, the <c>DuesScheduler</c> run through the admin API (its timer may fire too:
/// a second run on the same day must change nothing), charges through the Stripe stand-in, mails read from
/// <c>/dev/mail</c>.
/// <list type="number">
/// <item>2027: pre-notification → charge → paid → receipt; the run and the charge message repeated → one charge.</item>
/// <item>2028: charge declined → overdue and pay link → two reminders → paid through the link → active.</item>
/// <item>2029: charge needs authentication → reminders → lapsed after 90 days.</item>
/// </list>
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed partial class DuesYearInTheLifeTests
{
    private const string StaffToken = "dues-devhost-staff";

    [Fact]
    public async Task Pre_notification_charge_receipt_then_failure_reminders_link_payment_then_lapse()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Logs = logs;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var email = $"jahr.{Guid.NewGuid():N}@example.de";
        var memberId = await DevHostMembers.SignUpAndPayAsync(server, email);
        var mails = await DevHostMembers.MailsToAsync(server, email, count: 2);

        // 2027: pre-notified on 15 February, charged on 1 March.
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2027, 2, 15, 5, 0, 0, TimeSpan.Zero));
        mails = await DevHostMembers.MailsToAsync(server, email, count: 3);
        var notice = (string)mails[2]["text"]!;
        Assert.Contains("01.03.2027", notice, StringComparison.Ordinal);
        Assert.Contains("4242", notice, StringComparison.Ordinal);
        Assert.Contains("60,00", notice, StringComparison.Ordinal);

        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));
        mails = await DevHostMembers.MailsToAsync(server, email, count: 4);
        Assert.Equal("application/pdf", (string)mails[3]["attachments"]![0]!["type"]!);
        var member = await MemberAsync(server, memberId);
        Assert.Equal("active", (string)member["status"]!);
        Assert.Equal("2028-03-01", (string)member["nextDuesDate"]!);

        // The same day again, and the same charge message delivered once more: still one charge at Stripe.
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2027, 3, 1, 5, 30, 0, TimeSpan.Zero));
        await TestQueues.SendAsync(server.StorageConnectionString, "dues-charge", $$"""{"memberId":"{{memberId}}","periodStart":"2027-03-01"}""");
        await Eventually.WaitUntilAsync(
            () => logs.Lines.Any(l => l.Contains($"Dues charge for {memberId} period 2027-03-01: AlreadyHandled", StringComparison.Ordinal)),
            "the redelivered charge message is handled");
        Assert.Single(await PaymentIntentsAsync(server, memberId));

        // 2028 (a leap year: 14 days before 1 March is 16 February): the charge is declined; the member is overdue, reminded twice, and pays through the link.
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2028, 2, 16, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 5);
        (await server.Client.PostAsJsonAsync($"dev/stripe/members/{memberId}/next-charge", new { outcome = "decline" })).EnsureSuccessStatusCode();
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2028, 3, 1, 5, 0, 0, TimeSpan.Zero));
        mails = await DevHostMembers.MailsToAsync(server, email, count: 6);
        Assert.Equal("overdue", (string)(await MemberAsync(server, memberId))["status"]!);
        var payLink = new Uri(PayLink().Match((string)mails[5]["text"]!).Value);

        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2028, 3, 8, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 7);
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2028, 3, 22, 5, 0, 0, TimeSpan.Zero));
        mails = await DevHostMembers.MailsToAsync(server, email, count: 8);
        Assert.NotEqual((string)mails[6]["subject"]!, (string)mails[7]["subject"]!);

        clock.SetUtcNow(new DateTimeOffset(2028, 3, 23, 9, 0, 0, TimeSpan.Zero));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var pay = await noRedirect.GetAsync(payLink.PathAndQuery);
        Assert.Equal(HttpStatusCode.SeeOther, pay.StatusCode);
        var sessionId = pay.Headers.Location!.Segments[^1];
        (await server.Client.PostAsJsonAsync($"dev/stripe/checkout/{sessionId}/complete", new { outcome = "succeeded" })).EnsureSuccessStatusCode();
        mails = await DevHostMembers.MailsToAsync(server, email, count: 9);
        Assert.Equal("application/pdf", (string)mails[8]["attachments"]![0]!["type"]!);
        member = await MemberAsync(server, memberId);
        Assert.Equal("active", (string)member["status"]!);
        Assert.Equal("2029-03-01", (string)member["nextDuesDate"]!);

        // 2029: the card needs authentication, nobody pays, and after 90 days the member lapses (kept, not deleted).
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2029, 2, 15, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 10);
        (await server.Client.PostAsJsonAsync($"dev/stripe/members/{memberId}/next-charge", new { outcome = "authenticate" })).EnsureSuccessStatusCode();
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2029, 3, 1, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 11);
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2029, 3, 8, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 12);
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2029, 3, 22, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 13);
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2029, 5, 30, 5, 0, 0, TimeSpan.Zero));
        mails = await DevHostMembers.MailsToAsync(server, email, count: 14);
        member = await MemberAsync(server, memberId);
        Assert.Equal("lapsed", (string)member["status"]!);

        // One charge a year at Stripe, the declined and unauthenticated ones included; nothing sent twice.
        Assert.Equal(3, (await PaymentIntentsAsync(server, memberId)).Count);
        Assert.Equal(14, mails.Count);
        Assert.Equal(14, mails.Select(m => (string)m["subject"]! + (string)m["text"]!).Distinct().Count());
        Assert.DoesNotContain(logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<JsonObject> MemberAsync(DevHostServer server, string memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/memberships/{memberId}");
        request.Headers.Authorization = new("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonArray> PaymentIntentsAsync(DevHostServer server, string memberId) =>
        (await server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/payment_intents?memberId={memberId}"))!["data"]!.AsArray();

    [GeneratedRegex(@"https?://\S+/api/memberships/mem_\w+/dues/pay\?token=[\w\-]+")]
    private static partial Regex PayLink();
}
