using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kok.Domain.Privacy;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Privacy;

/// <summary>
/// Objection to mail (Art. 21 DSGVO) through DevHost, in 2035-2036 (years no other test uses): a staff reminder (an
/// optional mail) carries the unsubscribe link in its text and as List-Unsubscribe headers; opening the link changes
/// nothing, the mail program's one-click post records the objection; the next reminder is not sent, while a
/// required mail (the receipt of a dues payment recorded by staff) still is. Staff can record an objection too.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class MailObjectionThroughDevHostTests
{
    private const string StaffToken = "mail-objection-staff-token";

    [Fact]
    public async Task After_the_one_click_unsubscribe_a_reminder_is_not_sent_and_a_receipt_still_is()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2035, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["Organisation:ExemptionNoticeDate"] = "2034-06-01";
        });
        var email = $"widerspruch.{Guid.NewGuid():N}@example.de";
        var memberId = await DevHostMembers.SignUpAndPayAsync(server, email);
        await DevHostMembers.MailsToAsync(server, email, count: 2);
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2036, 2, 16, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(server, email, count: 3);
        using (var decline = new HttpRequestMessage(HttpMethod.Post, $"dev/stripe/members/{memberId}/next-charge"))
        {
            decline.Content = new StringContent("""{"outcome":"decline"}""", Encoding.UTF8, "application/json");
            (await server.Client.SendAsync(decline)).EnsureSuccessStatusCode();
        }

        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2036, 3, 1, 5, 0, 0, TimeSpan.Zero));
        var beforeReminder = await DevHostMembers.MailsToAsync(server, email, count: 4);
        Assert.All(beforeReminder, m => Assert.Empty(m["headers"]!.AsObject()));
        clock.SetUtcNow(new DateTimeOffset(2036, 3, 4, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.Accepted, await RemindAsync(server, memberId));
        var reminder = (await DevHostMembers.MailsToAsync(server, email, count: 5))[4];
        var headers = reminder["headers"]!.AsObject();
        Assert.Equal("List-Unsubscribe=One-Click", (string)headers["List-Unsubscribe-Post"]!);
        var link = ((string)headers["List-Unsubscribe"]!).Trim('<', '>');
        Assert.StartsWith(server.BaseAddress + MailObjectionLinks.Path + "?token=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("widerspruch", link, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(link, (string)reminder["text"]!, StringComparison.Ordinal);
        Assert.Contains("abbestellen", (string)reminder["text"]!, StringComparison.Ordinal);

        // Opening the link (a mail scanner, or the person reading first) shows the page and records nothing.
        using (var page = await server.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form id=\"unsubscribe\" method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        clock.SetUtcNow(new DateTimeOffset(2036, 3, 4, 9, 15, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, await RemindAsync(server, memberId));
        await DevHostMembers.MailsToAsync(server, email, count: 6);

        // The mail program's own button: RFC 8058's one-click post, no cookie, no page.
        using (var oneClick = await server.Client.PostAsync(link, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
            Assert.Contains("Erinnerungen abbestellt", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        clock.SetUtcNow(new DateTimeOffset(2036, 3, 4, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, await RemindAsync(server, memberId));
        using (var payment = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/members/{memberId}/payments"))
        {
            payment.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
            payment.Content = new StringContent("""{"amountCents":6000,"paidOn":"2036-03-04","reference":"Beitrag 2036"}""", Encoding.UTF8, "application/json");
            using var recorded = await server.Client.SendAsync(payment);
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        var mails = await DevHostMembers.MailsToAsync(server, email, count: 7);
        Assert.Single(mails[6]["attachments"]!.AsArray());
        Assert.Empty(mails[6]["headers"]!.AsObject());
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(server.StorageConnectionString, "member-mail") == 0
                                                    && await TestQueues.CountAsync(server.StorageConnectionString, "receipt-mail") == 0,
            "no mail message left");
        await DevHostMembers.MailsToAsync(server, email, count: 7);
        Assert.Equal(2, mails.Count(m => ((string)m["subject"]!).Contains("Erinnerung", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Staff_record_an_objection_once_bad_addresses_are_400s_naming_email_and_others_are_refused()
    {
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("RecordMailObjection");
            o.OnlyFunctions.Add("ShowUnsubscribe");
            o.OnlyFunctions.Add("Unsubscribe");
            o.Settings["Staff:DevToken"] = StaffToken;
        });
        var email = $"staff-widerspruch.{Guid.NewGuid():N}@example.de";

        using (var anonymous = await server.Client.PostAsJsonAsync("api/dashboard/privacy/objections", new { email }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        foreach (var body in new[] { """{"email":"kein-at-zeichen"}""", """{"email":42}""", "{}" })
        {
            using var bad = await StaffPostAsync(server, body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["email"]);
        }

        using (var first = await StaffPostAsync(server, $$"""{"email":"{{email}}"}"""))
        {
            Assert.Equal("recorded", (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!);
        }

        using (var again = await StaffPostAsync(server, $$"""{"email":"{{email.ToUpperInvariant()}}"}"""))
        {
            Assert.Equal("already_recorded", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!);
        }

        // A link whose token is cut short: a 400 page saying so, in the language asked for, nothing recorded.
        using var broken = await server.Client.PostAsync("unsubscribe?token=abc&lang=en", null);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    private static async Task<HttpResponseMessage> StaffPostAsync(DevHostServer server, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/privacy/objections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await server.Client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> RemindAsync(DevHostServer server, string memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/members/{memberId}/remind");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        return response.StatusCode;
    }
}
