using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Kok.Domain.Membership;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dues;

/// <summary>
/// The dues run against failures, through DevHost on Azurite: a run that dies half way is finished by the rerun
/// through <c>POST /admin/functions/DuesScheduler</c> without sending anything twice, and Stripe's 429s delay
/// charges (Retry-After) without losing or doubling any.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DuesSchedulerRunTests
{
    private const int Members = 12;

    [Fact]
    public async Task A_run_killed_half_way_is_completed_by_the_rerun_and_429s_only_delay_charges()
    {
        // Members join on a day no other test uses, so the agenda of their days holds only them.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 13, 10, 0, 0, TimeSpan.Zero));
        var crash = new MemberWritesFailAfter();
        var logs = new CapturedLogs();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Logs = logs;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.ConfigureServices = services => services.AddSingleton<HttpPipelinePolicy>(crash);
        });
        var emails = Enumerable.Range(0, Members).Select(i => $"lauf{i}.{Guid.NewGuid():N}@example.de").ToArray();
        var memberIds = new List<string>();
        foreach (var email in emails)
        {
            memberIds.Add(await DevHostMembers.SignUpAndPayAsync(server, email, "Verein " + email[..6]));
        }

        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(server, emails)).Count == 2 * Members, "welcome and receipt mails");

        // Pre-notification day (13 July 2027 - 14 days). Storage dies after five member writes: the timer's catch-up
        // run, set off by the clock's jump, and a run through the admin API both break off.
        crash.Arm(5);
        clock.SetUtcNow(new DateTimeOffset(2027, 6, 29, 4, 0, 0, TimeSpan.Zero));
        await RunAsync(server);
        await Eventually.WaitUntilAsync(() => RunsEnded(logs) >= 2, "both runs to end");
        Assert.True(Crashes(logs) >= 1);
        Assert.InRange(await PreNotifiedAsync(server, memberIds), 0, 5);
        crash.Disarm();

        await RunAsync(server);
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(server, emails)).Count == 3 * Members, "all pre-notifications");
        await Eventually.WaitUntilAsync(() => RunsEnded(logs) >= 3, "the rerun to end");
        Assert.Equal(Members, await PreNotifiedAsync(server, memberIds));
        var notices = (await MailsToAsync(server, emails)).Where(m => ((string)m["subject"]!).Contains("Abbuchung", StringComparison.Ordinal)).ToList();
        Assert.Equal(emails.Order(), notices.Select(m => (string)m["to"]![0]!).Order());

        // Charge day: Stripe answers 429 three times; those charges come again after Retry-After. The run is repeated too.
        (await server.Client.PostAsJsonAsync("dev/stripe/faults/rate-limit", new { count = 3 })).EnsureSuccessStatusCode();
        clock.SetUtcNow(new DateTimeOffset(2027, 7, 13, 4, 0, 0, TimeSpan.Zero));
        await RunAsync(server);
        await RunAsync(server);
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(server, emails)).Count == 4 * Members, "a receipt for every member");

        foreach (var memberId in memberIds)
        {
            var intents = (await server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/payment_intents?memberId={memberId}"))!["data"]!.AsArray();
            Assert.Equal("succeeded", (string)Assert.Single(intents)!["status"]!);
        }

        Assert.Equal(3, logs.Lines.Count(l => l.Contains(": RateLimited.", StringComparison.Ordinal)));
        Assert.Equal(4 * Members, (await MailsToAsync(server, emails)).Count);
    }

    private static int RunsEnded(CapturedLogs logs) =>
        logs.Lines.Count(l => l.Contains("Executed 'Functions.DuesScheduler' (", StringComparison.Ordinal));

    // DevHost logs a failure's exception types only, never its message; the crash is the only failure here.
    private static int Crashes(CapturedLogs logs) =>
        logs.Lines.Count(l => l.Contains("Executed 'Functions.DuesScheduler' (Failed", StringComparison.Ordinal));

    private static async Task<int> PreNotifiedAsync(DevHostServer server, IEnumerable<string> memberIds)
    {
        var repository = server.Services.GetRequiredService<IMemberRepository>();
        var count = 0;
        foreach (var id in memberIds)
        {
            count += (await repository.GetAsync(id, default))!.Member.Dues.PreNotifiedOn is null ? 0 : 1;
        }

        return count;
    }

    private static async Task RunAsync(DevHostServer server)
    {
        using var run = await server.Client.PostAsJsonAsync("admin/functions/DuesScheduler", new { });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
    }

    private static async Task<IReadOnlyList<JsonObject>> MailsToAsync(DevHostServer server, IReadOnlyCollection<string> emails)
    {
        var all = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return all.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => emails.Contains((string?)t))).ToList();
    }
}
