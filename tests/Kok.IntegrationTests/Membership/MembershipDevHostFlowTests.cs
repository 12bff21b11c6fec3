using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Membership;

/// <summary>
/// The sign-up end to end as it runs locally: every function hosted by DevHost, the queue-triggered mailers sending
/// through the SendGrid stand-in (mails read from <c>/dev/mail</c>), the link in the welcome mail followed, and
/// <c>EndCancelledMemberships</c> run through the admin API once the fake clock passes the paid period.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed partial class MembershipDevHostFlowTests
{
    private const string StaffToken = "membership-devhost-staff";

    [Fact]
    public async Task Sign_up_to_ended_with_receipt_welcome_and_confirmation_in_dev_mail()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var email = $"verein.{Guid.NewGuid():N}@example.de";

        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp(email));
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var memberId = (string)created["memberId"]!;
        var sessionId = new Uri((string)created["checkoutUrl"]!).Segments[^1];
        (await server.Client.PostAsJsonAsync($"dev/stripe/checkout/{sessionId}/complete", new { outcome = "succeeded" })).EnsureSuccessStatusCode();

        var mails = await MailsAsync(server, email, count: 2);
        var receipt = Assert.Single(mails, m => m["attachments"]!.AsArray().Count == 1);
        Assert.Equal("application/pdf", (string)receipt["attachments"]![0]!["type"]!);
        var welcome = Assert.Single(mails, m => m["attachments"]!.AsArray().Count == 0);
        var link = new Uri(CancelLink().Match((string)welcome["text"]!).Value);
        Assert.Equal($"/api/memberships/{memberId}/cancel", link.AbsolutePath);
        Assert.Equal("active", await StatusAsync(server, memberId));

        using var page = await server.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var cancel = await server.Client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var afterCancel = await MailsAsync(server, email, count: 3);
        Assert.Contains(afterCancel, m => ((string)m["text"]!).Contains("28.02.2027", StringComparison.Ordinal));
        Assert.Equal("cancelling", await StatusAsync(server, memberId));

        clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 2, 30, 0, TimeSpan.Zero));
        using var run = await server.Client.PostAsJsonAsync("admin/functions/EndCancelledMemberships", new { });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        await Eventually.WaitUntilAsync(async () => await StatusAsync(server, memberId) == "ended", "the membership ends");
        Assert.Equal(3, (await MailsAsync(server, email, count: 3)).Count);
    }

    private static async Task<IReadOnlyList<JsonObject>> MailsAsync(DevHostServer server, string email, int count)
    {
        JsonObject[] mails = [];
        await Eventually.WaitUntilAsync(async () =>
        {
            var all = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
            mails = all.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => (string?)t == email)).ToArray();
            return mails.Length >= count;
        }, $"{count} mails to the member");
        return mails;
    }

    private static async Task<string> StatusAsync(DevHostServer server, string memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/memberships/{memberId}");
        request.Headers.Authorization = new("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!;
    }

    [GeneratedRegex(@"https?://\S+/api/memberships/mem_\w+/cancel\?token=[\w\-]+")]
    private static partial Regex CancelLink();
}
