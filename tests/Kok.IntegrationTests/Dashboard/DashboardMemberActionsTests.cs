using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's member actions on DevHost and Azurite, in 2034-2036 (years no other test uses): a member whose
/// 2035 card charge is declined is overdue; staff send a reminder (one mail, also when the queue delivers the message
/// twice), send a parked mail message back from the poison queue, record the dues that arrived by bank transfer
/// (active again, the receipt mail with the Zuwendungsbestätigung goes out, a second submit is refused), and the
/// member detail shows the payment, receipts, mails and the audit entries.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardMemberActionsTests
{
    private const string StaffToken = "dashboard-actions-staff";

    [Fact]
    public async Task Remind_requeue_and_bank_transfer_of_an_overdue_member_show_in_its_detail()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2034, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Logs = logs;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";

            // Receipts cite the exemption notice, which may be at most five years old on the day of issue.
            o.Settings["Organisation:ExemptionNoticeDate"] = "2033-06-01";
        });
        var email = $"aktionen.{Guid.NewGuid():N}@example.de";
        var memberId = await DevHostMembers.SignUpAndPayAsync(server, email);
        await DevHostMembers.MailsToAsync(server, email, count: 2);

        // 2035: pre-notified, then the card is declined: overdue, and the charge-failed mail goes out.
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2035, 2, 15, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 3);
        (await server.Client.PostAsJsonAsync($"dev/stripe/members/{memberId}/next-charge", new { outcome = "decline" })).EnsureSuccessStatusCode();
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2035, 3, 1, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 4);
        clock.SetUtcNow(new DateTimeOffset(2035, 3, 4, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("overdue", (string)(await DetailAsync(server, memberId))["member"]!["status"]!);

        // Remind: one mail; the same queue message delivered once more sends nothing.
        using (var remind = await SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{memberId}/remind"))
        {
            Assert.Equal(HttpStatusCode.Accepted, remind.StatusCode);
            Assert.Equal("dues_staff_reminder", (string)(await remind.Content.ReadFromJsonAsync<JsonObject>())!["mailKind"]!);
        }

        var mails = await DevHostMembers.MailsToAsync(server, email, count: 5);
        Assert.Contains("Erinnerung", (string)mails[4]["subject"]!, StringComparison.Ordinal);
        var remindEntry = (await DetailAsync(server, memberId))["audit"]!.AsArray().Single(a => (string)a!["action"]! == "member.remind")!;
        var actionId = (string)remindEntry["id"]!;
        var subject = $"{memberId}:2035-03-01:{actionId}";
        await TestQueues.SendAsync(server.StorageConnectionString, "member-mail",
            $$"""{"kind":"dues_staff_reminder","memberId":"{{memberId}}","periodStart":"2035-03-01","staffActionId":"{{actionId}}"}""");
        await Eventually.WaitUntilAsync(
            () => logs.Lines.Any(l => l.Contains($"Member mail DuesStaffReminder for {subject}: AlreadySent", StringComparison.Ordinal)),
            "the redelivered reminder is recognised as sent");

        // A parked reminder message goes back to its queue and is processed: one more mail.
        const string parkedAction = "aud_parkedparkedparked0";
        await TestQueues.SendAsync(server.StorageConnectionString, "member-mail-poison",
            $$"""{"kind":"dues_staff_reminder","memberId":"{{memberId}}","periodStart":"2035-03-01","staffActionId":"{{parkedAction}}"}""");
        using (var requeue = await SendAsync(server, HttpMethod.Post, "api/dashboard/mail/poison/member-mail/requeue"))
        {
            Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
            var body = (await requeue.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("member-mail", (string)body["queue"]!);
            Assert.True((int)body["requeued"]! >= 1);
        }

        await DevHostMembers.MailsToAsync(server, email, count: 6);

        // Messages other tests parked went back too: let this host work them off (or park them again), so no other
        // test's host meets them later.
        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(server.StorageConnectionString, "member-mail") == 0, "the requeued messages are worked off");
        using (var unknown = await SendAsync(server, HttpMethod.Post, "api/dashboard/mail/poison/not-a-queue/requeue"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Contains(await GlobalAuditAsync(server, clock.GetUtcNow()), e => e.GetString("Action") == "mail.poison.requeue");

        // Bad input names each field and writes nothing.
        using (var bad = await SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{memberId}/payments",
                   new { amountCents = 0, paidOn = "2035-03-05T00:00", reference = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.Equal(["amountCents", "paidOn", "reference"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        }

        // The dues arrive by bank transfer: active again, next dues date moves on, the receipt mail goes out once.
        clock.SetUtcNow(new DateTimeOffset(2035, 3, 4, 11, 0, 0, TimeSpan.Zero));
        var transfer = new { amountCents = 6000, paidOn = "2035-03-03", reference = "Mitgliedsbeitrag 2035 " + memberId };
        using (var paid = await SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{memberId}/payments", transfer))
        {
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
            var body = (await paid.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("active", (string)body["status"]!);
            Assert.Equal("2035-03-01", (string)body["periodStart"]!);
            Assert.StartsWith("pay_", (string)body["paymentId"]!, StringComparison.Ordinal);
        }

        using (var twice = await SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{memberId}/payments", transfer))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Equal("Already paid.", (string)(await twice.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        }

        mails = await DevHostMembers.MailsToAsync(server, email, count: 7);
        var receiptMail = mails[6];
        Assert.Equal("application/pdf", (string)receiptMail["attachments"]![0]!["type"]!);
        Assert.Contains("Zuwendungsbestaetigung", (string)receiptMail["attachments"]![0]!["filename"]!, StringComparison.Ordinal);
        using (var remindAgain = await SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{memberId}/remind"))
        {
            Assert.Equal(HttpStatusCode.Conflict, remindAgain.StatusCode);
        }

        var detail = await DetailAsync(server, memberId);
        var member = detail["member"]!;
        Assert.Equal(memberId, (string)member["id"]!);
        Assert.Equal("active", (string)member["status"]!);
        Assert.Equal("2036-03-01", (string)member["nextDuesDate"]!);
        Assert.Equal(0, (long)member["outstandingCents"]!);
        var payment = detail["payments"]!.AsArray().Single(p => (string)p!["method"]! == "bank_transfer")!;
        Assert.Equal(6000, (long)payment["amountCents"]!);
        Assert.Equal("paid", (string)payment["status"]!);
        Assert.Equal(transfer.reference, (string)payment["reference"]!);
        var receipt = detail["receipts"]!.AsArray().Single(r => (string)r!["paymentId"]! == (string)payment["id"]!)!;
        Assert.Equal(6000, (long)receipt["amountCents"]!);
        Assert.Equal("2035-03-04", (string)receipt["issuedOn"]!);
        var mailKinds = detail["mails"]!.AsArray().Select(m => (string)m!["kind"]!).ToList();
        Assert.Equal(2, mailKinds.Count(k => k == "dues_staff_reminder"));
        Assert.Equal(2, mailKinds.Count(k => k == "membership_fee_receipt"));
        Assert.Contains("member_welcome", mailKinds);
        Assert.Contains("dues_charge_failed", mailKinds);
        var audit = detail["audit"]!.AsArray();
        Assert.Equal(["member.bank_transfer", "member.remind"], audit.Select(a => (string)a!["action"]!));
        Assert.All(audit, a => Assert.Equal("Local staff (dev token)", (string)a!["staffName"]!));
        Assert.DoesNotContain("Mitgliedsbeitrag", (string)audit[0]!["details"]!, StringComparison.Ordinal);
        Assert.Equal("paid", (string)detail["duesHistory"]!.AsArray().Single()!["status"]!);

        // Cancelled by staff through the member's own cancellation path: runs to the end of the paid year.
        using (var cancel = await SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{memberId}/cancel"))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            var body = (await cancel.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("cancelling", (string)body["status"]!);
            Assert.Equal("2036-03-01", (string)body["endsOn"]!);
        }

        mails = await DevHostMembers.MailsToAsync(server, email, count: 8);
        Assert.Contains("gekündigt", (string)mails[7]["subject"]!, StringComparison.Ordinal);
        using (var missing = await SendAsync(server, HttpMethod.Get, "api/dashboard/members/mem_zzzzzzzzzzzzzzzzzzzz"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.DoesNotContain(logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<HttpResponseMessage> SendAsync(DevHostServer server, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await server.Client.SendAsync(request);
    }

    private static async Task<JsonObject> DetailAsync(DevHostServer server, string memberId)
    {
        using var response = await SendAsync(server, HttpMethod.Get, $"api/dashboard/members/{memberId}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<IReadOnlyList<TableEntity>> GlobalAuditAsync(DevHostServer server, DateTimeOffset at)
    {
        var table = new TableClient(server.StorageConnectionString, TableNames.DashboardAudit);
        var entries = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "global"))
        {
            if (row.GetDateTimeOffset("At") == at)
            {
                entries.Add(row);
            }
        }

        return entries;
    }

}
