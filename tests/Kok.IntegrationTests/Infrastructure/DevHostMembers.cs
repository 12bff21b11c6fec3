using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>What the member-facing flow tests do through a DevHost: sign up and pay, run the dues, read the mails.</summary>
internal static class DevHostMembers
{
    /// <summary>Signs up with a card and completes the Stripe stand-in's checkout; the new member's id.</summary>
    public static async Task<string> SignUpAndPayAsync(DevHostServer server, string email, string? name = null)
    {
        var form = name is null ? MembershipFlowTests.SignUp(email) : MembershipFlowTests.SignUp(email, name: name);
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", form);
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var sessionId = new Uri((string)created["checkoutUrl"]!).Segments[^1];
        using var completed = await server.Client.PostAsJsonAsync($"dev/stripe/checkout/{sessionId}/complete", new { outcome = "succeeded", paymentMethod = "card" });
        completed.EnsureSuccessStatusCode();
        await RetryRefusedDeliveriesAsync(server, (await completed.Content.ReadFromJsonAsync<JsonObject>())!);
        return (string)created["memberId"]!;
    }

    /// <summary>
    /// Sends again, as Stripe does, each event of a stand-in action whose webhook answered 5xx: on a machine busy with
    /// the rest of the suite the webhook may answer 503 (storage slower than its budget), and Stripe would retry it.
    /// </summary>
    public static async Task RetryRefusedDeliveriesAsync(DevHostServer server, JsonObject action)
    {
        foreach (var stripeEvent in action["events"]?.AsArray() ?? [])
        {
            var id = (string)stripeEvent!["id"]!;
            var status = LastStatus(stripeEvent);
            for (var attempt = 0; status is >= 500 or 0 && attempt < 5; attempt++)
            {
                using var resend = await server.Client.PostAsync($"dev/stripe/events/{id}/resend", null);
                resend.EnsureSuccessStatusCode();
                status = LastStatus((await resend.Content.ReadFromJsonAsync<JsonObject>())!);
            }
        }
    }

    private static int LastStatus(JsonNode stripeEvent) =>
        stripeEvent["deliveries"]?.AsArray() is [.., var last] ? (int)last!["status"]! : 200;

    /// <summary>The membership's status as staff read it (<c>GET /api/memberships/{id}</c>).</summary>
    public static async Task<string> StatusAsync(DevHostServer server, string memberId, string staffToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/memberships/{memberId}");
        request.Headers.Authorization = new("Bearer", staffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!;
    }

    /// <summary>Sets the app's clock to <paramref name="at"/> and runs the dues scheduler through the admin API.</summary>
    public static async Task RunDuesSchedulerAsync(DevHostServer server, FakeTimeProvider clock, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        using var run = await server.Client.PostAsJsonAsync("admin/functions/DuesScheduler", new { });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
    }

    /// <summary>
    /// A member paid by card in <paramref name="signUpYear"/> whose next dues could not be collected: sign-up and
    /// payment (welcome and receipt), the pre-notification in February and the declined charge on 1 March of the next
    /// year (its mail): four mails, the member overdue. The clock is left at that dues run.
    /// </summary>
    public static async Task<string> WithFailedDuesAsync(DevHostServer server, FakeTimeProvider clock, string email, int signUpYear)
    {
        var memberId = await SignUpAndPayAsync(server, email);
        await MailsToAsync(server, email, count: 2);
        await RunDuesSchedulerAsync(server, clock, new DateTimeOffset(signUpYear + 1, 2, 16, 5, 0, 0, TimeSpan.Zero));
        await MailsToAsync(server, email, count: 3);
        using (var decline = new HttpRequestMessage(HttpMethod.Post, $"dev/stripe/members/{memberId}/next-charge"))
        {
            decline.Content = new StringContent("""{"outcome":"decline"}""", System.Text.Encoding.UTF8, "application/json");
            (await server.Client.SendAsync(decline)).EnsureSuccessStatusCode();
        }

        await RunDuesSchedulerAsync(server, clock, new DateTimeOffset(signUpYear + 1, 3, 1, 5, 0, 0, TimeSpan.Zero));
        await MailsToAsync(server, email, count: 4);
        return memberId;
    }

    /// <summary>
    /// Waits until a mail to <paramref name="email"/> whose text contains <paramref name="part"/> has been sent. A test
    /// that pays a transfer by statement waits for the transfer instructions first: the app rightly sends none when
    /// the money arrived before the mail went out, so importing at once would make the mail count a race.
    /// </summary>
    public static async Task<JsonObject> MailContainingAsync(DevHostServer server, string email, string part)
    {
        JsonObject? found = null;
        await Eventually.WaitUntilAsync(async () =>
        {
            var all = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
            found = all.Select(m => m!.AsObject()).FirstOrDefault(m =>
                m["to"]!.AsArray().Any(t => (string?)t == email) && ((string?)m["text"] ?? "").Contains(part, StringComparison.Ordinal));
            return found is not null;
        }, $"a mail to the member containing {part}");
        return found!;
    }

    /// <summary>Waits until the SendGrid stand-in holds <paramref name="count"/> mails to <paramref name="email"/>; exactly those, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonObject>> MailsToAsync(DevHostServer server, string email, int count)
    {
        JsonObject[] mails = [];
        try
        {
            await Eventually.WaitUntilAsync(async () =>
            {
                var all = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
                // /dev/mail lists the newest first; oldest first reads like the member's inbox from the bottom.
                mails = all.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => (string?)t == email)).Reverse().ToArray();
                return mails.Length >= count;
            }, $"{count} mails to the member");
        }
        catch (TimeoutException timeout)
        {
            // Which mails did come tells a failed run which step never happened.
            throw new TimeoutException($"{timeout.Message} Saw {mails.Length}: {string.Join(" | ", mails.Select(m => (string?)m["subject"]))}", timeout);
        }

        Assert.Equal(count, mails.Length);
        return mails;
    }
}
