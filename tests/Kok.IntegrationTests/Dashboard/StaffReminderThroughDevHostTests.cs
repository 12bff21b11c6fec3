using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// One staff reminder per click, not per double-click, on DevHost and Azurite in 2031-2032 (years no other test
/// uses): two clicks on "Erinnern" at the same moment send one mail, the other answers 409 saying when the reminder
/// went out; ten minutes later (fake clock) another reminder is allowed.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class StaffReminderThroughDevHostTests
{
    private const string StaffToken = "staff-reminder-token";

    [Fact]
    public async Task Two_clicks_at_once_send_one_reminder_and_ten_minutes_later_another_is_allowed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["Organisation:ExemptionNoticeDate"] = "2030-06-01";
        });
        var email = $"erinnern.{Guid.NewGuid():N}@example.de";
        var memberId = await DevHostMembers.WithFailedDuesAsync(server, clock, email, signUpYear: 2031);
        var clickedAt = new DateTimeOffset(2032, 3, 4, 9, 0, 0, TimeSpan.Zero);
        clock.SetUtcNow(clickedAt);

        var clicks = await Task.WhenAll(RemindAsync(server, memberId), RemindAsync(server, memberId));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], clicks.Select(c => c.Status).Order());
        var refused = clicks.Single(c => c.Status == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal("2032-03-04T09:00:00Z", (string)refused.Body["lastReminderAt"]!);
        Assert.Equal("2032-03-04T09:10:00Z", (string)refused.Body["nextReminderAt"]!);
        Assert.Contains("04.03.2032 um 10:00 Uhr", (string)refused.Body["detail"]!, StringComparison.Ordinal);
        await DevHostMembers.MailsToAsync(server, email, count: 5);
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(server.StorageConnectionString, "member-mail") == 0,
            "no reminder message left");
        await DevHostMembers.MailsToAsync(server, email, count: 5);

        clock.SetUtcNow(clickedAt.AddMinutes(9));
        Assert.Equal(HttpStatusCode.Conflict, (await RemindAsync(server, memberId)).Status);
        clock.SetUtcNow(clickedAt.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Accepted, (await RemindAsync(server, memberId)).Status);
        var mails = await DevHostMembers.MailsToAsync(server, email, count: 6);
        Assert.Contains("Erinnerung", (string)mails[5]["subject"]!, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> RemindAsync(DevHostServer server, string memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/members/{memberId}/remind");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
