using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// A scripted mix through the real endpoints and the Stripe stand-in, in April and May 2031 (a year no other test
/// uses): the summary's year and month totals move by exactly what happened, a redelivered webhook counts once, and
/// the recompute action finds no drift in the years and months touched. Totals of scope "current" are shared with every test on this Azurite, so
/// the members' own remembered contributions are checked instead.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardTotalsFlowTests
{
    private static readonly DateTimeOffset Start = new(2031, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InMay = new(2031, 5, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Summary_follows_a_mix_of_payments_and_equals_the_recomputation()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            foreach (var function in new[]
                     {
                         "CreateDonation", "StripeWebhook", "CreateMembership", "CancelMembership", "GetDashboardSummary", DashboardHost.RefreshFunction,
                         "RecomputeDashboardTotals",
                     })
            {
                o.OnlyFunctions.Add(function);
            }
        });
        var donations = new DonationApi(server);

        // Repair whatever earlier tests left (seeders write members without totals), then take the baseline.
        await DashboardHost.RecomputeAsync(server);
        var before2031 = await DashboardHost.SummaryAsync(server, 2031);
        var before2032 = await DashboardHost.SummaryAsync(server, 2032);

        // One-time card donations: one kept, one refunded in full; the kept one's event is delivered twice.
        var (_, keptSession) = await donations.CreateAsync(DonationApi.Body(amount: 25.50m));
        var kept = await donations.CompleteAsync(keptSession, "succeeded");
        var (_, refundedSession) = await donations.CreateAsync(DonationApi.Body(amount: 40m));
        var refunded = await donations.CompleteAsync(refundedSession, "succeeded");
        await donations.StripeActionAsync($"payments/{(string)refunded["paymentIntentId"]!}/refund");
        await donations.StripeActionAsync($"events/{(string)kept["events"]!.AsArray()[0]!["id"]!}/resend");

        // A monthly donation: first invoice at checkout in April, one renewal in May.
        var (_, monthlySession) = await donations.CreateAsync(DonationApi.Body(amount: 10m, interval: "monthly"));
        var monthly = await donations.CompleteAsync(monthlySession, "succeeded");
        clock.SetUtcNow(InMay);
        await donations.StripeActionAsync($"subscriptions/{(string)monthly["subscriptionId"]!}/renew");

        // Members (in May): one pays by card and then cancels, one's SEPA debit fails; the paid one's events come twice.
        var (paidId, paidEvents) = await SignUpAsync(server, "card", "succeeded");
        var (failedId, _) = await SignUpAsync(server, "sepa_debit", "failed");
        foreach (var eventId in paidEvents)
        {
            await donations.StripeActionAsync($"events/{eventId}/resend");
        }

        using (var cancel = new HttpRequestMessage(HttpMethod.Post, $"api/memberships/{paidId}/cancel"))
        {
            cancel.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardHost.StaffToken);
            cancel.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var cancelled = await server.Client.SendAsync(cancel);
            cancelled.EnsureSuccessStatusCode();
        }

        var after2031 = await DashboardHost.SummaryAsync(server, 2031);
        var after2032 = await DashboardHost.SummaryAsync(server, 2032);
        long Moved(string path) => DashboardHost.Number(after2031, path) - DashboardHost.Number(before2031, path);

        Assert.Equal(1, Moved("donations.oneTime.count"));
        Assert.Equal(2550, Moved("donations.oneTime.sumCents"));
        Assert.Equal(2, Moved("donations.monthly.count"));
        Assert.Equal(2000, Moved("donations.monthly.sumCents"));
        Assert.Equal(3, Moved("donations.count"));
        Assert.Equal(4550, Moved("donations.sumCents"));
        Assert.Equal(1, Moved("newMembers"));
        Assert.Equal(6000, Moved("dues.expectedCents"));
        Assert.Equal(6000, Moved("dues.collectedCents"));
        Assert.Equal(0, Moved("dues.outstandingCents"));
        Assert.Equal(0, Moved("endings"));
        Assert.Equal(1, DashboardHost.Number(after2032, "endings") - DashboardHost.Number(before2032, "endings"));
        Assert.Equal(2031, (int)after2031["year"]!);
        Assert.Equal(InMay, (DateTimeOffset)after2031["generatedAt"]!);
        Assert.Equal(5, after2031["poison"]!.AsObject().Count);

        // The chart's months: April has the one-time donation and the first monthly invoice, May the renewal and the
        // member's first dues; the months add up to the year.
        var movedMonths = Enumerable.Range(1, 12).Select(m => (
            Month: m,
            Dues: Moved($"months.{m - 1}.duesCollectedCents"),
            Donations: Moved($"months.{m - 1}.donationCents"))).ToList();
        Assert.Equal(Enumerable.Range(1, 12), after2031["months"]!.AsArray().Select(m => (int)m!["month"]!));
        Assert.Equal((4, 0L, 3550L), movedMonths[3]);
        Assert.Equal((5, 6000L, 1000L), movedMonths[4]);
        Assert.All(movedMonths.Where(m => m.Month is not (4 or 5)), m => Assert.Equal((0L, 0L), (m.Dues, m.Donations)));
        Assert.Equal(
            DashboardHost.Number(after2031, "dues.collectedCents"),
            Enumerable.Range(0, 12).Sum(i => DashboardHost.Number(after2031, $"months.{i}.duesCollectedCents")));
        Assert.Equal(
            DashboardHost.Number(after2031, "donations.sumCents"),
            Enumerable.Range(0, 12).Sum(i => DashboardHost.Number(after2031, $"months.{i}.donationCents")));

        // Each member is counted once, under its current status.
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.MembersCancelling, 1), await RememberedAsync(server, paidId, DashboardScope.Current));
        Assert.Equal(DashboardCounters.Empty.With(DashboardCounter.MembersPending, 1), await RememberedAsync(server, failedId, DashboardScope.Current));

        var recomputed = await DashboardHost.RecomputeAsync(server);
        Assert.Equal("dev-token", (string)recomputed["recomputedBy"]!);
        Assert.DoesNotContain(recomputed["drift"]!.AsArray(), d => ((string)d!["scope"]!).StartsWith("2031", StringComparison.Ordinal)
            || ((string)d!["scope"]!).StartsWith("2032", StringComparison.Ordinal));
        var rebuilt2031 = await DashboardHost.SummaryAsync(server, 2031);
        Assert.Equal(after2031["donations"]!.ToJsonString(), rebuilt2031["donations"]!.ToJsonString());
        Assert.Equal(after2031["dues"]!.ToJsonString(), rebuilt2031["dues"]!.ToJsonString());
        Assert.Equal(after2031["months"]!.ToJsonString(), rebuilt2031["months"]!.ToJsonString());

        var audit = await new TableAuditTrail(new StorageClients(new StorageSettings(server.StorageConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]))
            .ListAsync(Kok.Domain.Dashboard.AuditEntry.Global, 50, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == RecomputeDashboardTotals.AuditAction && e.StaffId == "dev-token" && e.At == InMay);
    }

    private static async Task<(string MemberId, IReadOnlyList<string> EventIds)> SignUpAsync(DevHostServer server, string method, string outcome)
    {
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships",
            MembershipFlowTests.SignUp($"dash.{Guid.NewGuid():N}@example.de", method));
        signUp.EnsureSuccessStatusCode();
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var sessionId = new Uri((string)created["checkoutUrl"]!).Segments[^1];
        using var complete = await server.Client.PostAsJsonAsync($"dev/stripe/checkout/{sessionId}/complete", new { outcome, paymentMethod = method });
        complete.EnsureSuccessStatusCode();
        var completed = (await complete.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)created["memberId"]!, completed["events"]!.AsArray().Select(e => (string)e!["id"]!).ToList());
    }

    private static async Task<DashboardCounters> RememberedAsync(DevHostServer server, string entityId, string scope)
    {
        var table = new TableClient(server.StorageConnectionString, Kok.Functions.Storage.TableNames.DashboardTotals);
        var row = await table.GetEntityAsync<TableEntity>(TableDashboardTotals.Partition, "c:" + entityId);
        var scopes = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, long>>>(row.Value.GetString("Contribution"))!;
        return scopes.TryGetValue(scope, out var counters) ? DashboardCounters.From(counters) : DashboardCounters.Empty;
    }
}
