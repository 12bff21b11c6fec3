using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Common;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Dashboard;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Kok.Seed;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// The summary's chart counts money in the Berlin month it came in, and SEPA debits still in flight apart, through
/// the real repositories, the webhook and the totals, in 2037/2038 (years no other test uses; not later: Stripe.net
/// reads a webhook signature's timestamp as a 32-bit number, which runs out on 19 January 2038); redelivered events
/// change nothing and the recompute action agrees with the running totals, new counters included.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardMoneyMonthFlowTests
{
    private static readonly DateTimeOffset April = new(2037, 4, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Money_counts_in_the_month_it_came_in_and_debits_in_flight_apart_and_the_recompute_agrees()
    {
        var clock = new FakeTimeProvider(April);
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            foreach (var function in new[] { "CreateDonation", "StripeWebhook", "CreateMembership", "GetDashboardSummary", "RecomputeDashboardTotals", DashboardHost.RefreshFunction })
            {
                o.OnlyFunctions.Add(function);
            }
        });
        var donations = new DonationApi(server);
        await DashboardHost.RecomputeAsync(server);
        var beforeYear = await DashboardHost.SummaryAsync(server, 2037);
        var beforeNext = await DashboardHost.SummaryAsync(server, 2038);

        // Members stored through the repository with the totals, as the dues run would leave them: the year jump
        // (the March 2037 period charged on 15 December), a SEPA charge still processing (made 20 December), and
        // dues paid half an hour after midnight in Berlin on New Year's Day 2038 (23:30 UTC on 31 December).
        var storage = new StorageClients(new StorageSettings(server.StorageConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]);
        var members = TableMemberRepository.Create(storage, DuesPolicy.Default, new TableDashboardTotals(storage, NullLogger<TableDashboardTotals>.Instance));
        Assert.True(await members.TryAddAsync(Charged(new DateTimeOffset(2037, 12, 15, 9, 0, 0, TimeSpan.Zero), DuesChargeStatus.Succeeded), default));
        Assert.True(await members.TryAddAsync(Charged(new DateTimeOffset(2037, 12, 20, 5, 0, 0, TimeSpan.Zero), DuesChargeStatus.Processing), default));
        Assert.True(await members.TryAddAsync(Charged(new DateTimeOffset(2037, 12, 31, 23, 30, 0, TimeSpan.Zero), DuesChargeStatus.Succeeded), default));

        // Through the webhook: a SEPA donation debited on 1 April, its event delivered twice; a SEPA sign-up too.
        var (_, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 30m, paymentMethod: "sepa_debit"));
        var completed = await donations.CompleteAsync(sessionId, "processing");
        await donations.StripeActionAsync($"events/{(string)completed["events"]!.AsArray()[0]!["id"]!}/resend");
        using (var signUp = await server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp($"flight.{Guid.NewGuid():N}@example.de", "sepa_debit")))
        {
            signUp.EnsureSuccessStatusCode();
            var checkout = new Uri((string)(await signUp.Content.ReadFromJsonAsync<JsonObject>())!["checkoutUrl"]!).Segments[^1];
            (await server.Client.PostAsJsonAsync($"dev/stripe/checkout/{checkout}/complete", new { outcome = "processing", paymentMethod = "sepa_debit" }))
                .EnsureSuccessStatusCode();
        }

        var inFlight = await DashboardHost.SummaryAsync(server, 2037);
        long Moved(JsonObject after, JsonObject before, string path) => DashboardHost.Number(after, path) - DashboardHost.Number(before, path);

        Assert.Equal(1, Moved(inFlight, beforeYear, "donations.inFlight.count"));
        Assert.Equal(3000, Moved(inFlight, beforeYear, "donations.inFlight.sumCents"));
        Assert.Equal(0, Moved(inFlight, beforeYear, "donations.sumCents"));
        // Dues in flight: the December charge and the sign-up's first debit; neither collected nor outstanding.
        Assert.Equal(12000, Moved(inFlight, beforeYear, "dues.inFlightCents"));
        Assert.Equal(24000, Moved(inFlight, beforeYear, "dues.expectedCents"));
        Assert.Equal(12000, Moved(inFlight, beforeYear, "dues.collectedCents"));
        Assert.Equal(0, Moved(inFlight, beforeYear, "dues.outstandingCents"));
        Assert.Equal(
            DashboardHost.Number(inFlight, "dues.expectedCents") - DashboardHost.Number(inFlight, "dues.collectedCents") - DashboardHost.Number(inFlight, "dues.inFlightCents"),
            DashboardHost.Number(inFlight, "dues.outstandingCents"));
        Assert.Equal(9000, Moved(inFlight, beforeYear, "months.3.inFlightCents"));
        Assert.Equal(6000, Moved(inFlight, beforeYear, "months.11.inFlightCents"));
        // The year jump's charges count in December, none in March, the month their periods start.
        Assert.Equal(6000, Moved(inFlight, beforeYear, "months.11.duesCollectedCents"));
        Assert.Equal(0, Moved(inFlight, beforeYear, "months.2.duesCollectedCents"));
        Assert.Equal(6000, Moved(await DashboardHost.SummaryAsync(server, 2038), beforeNext, "months.0.duesCollectedCents"));

        // The debit settles on 5 April: the donation counts in April, nothing is in flight any more.
        clock.SetUtcNow(April.AddDays(4));
        await donations.StripeActionAsync($"payments/{(string)completed["paymentIntentId"]!}/settle", new { outcome = "succeeded" });
        var settled = await DashboardHost.SummaryAsync(server, 2037);
        Assert.Equal(0, Moved(settled, beforeYear, "donations.inFlight.count"));
        Assert.Equal(3000, Moved(settled, beforeYear, "donations.sumCents"));
        Assert.Equal(3000, Moved(settled, beforeYear, "months.3.donationCents"));
        Assert.Equal(6000, Moved(settled, beforeYear, "months.3.inFlightCents"));

        // The recompute finds the running totals right, in the new counters too.
        var recomputed = await DashboardHost.RecomputeAsync(server);
        Assert.DoesNotContain(recomputed["drift"]!.AsArray(), d => ((string)d!["scope"]!).StartsWith("2037", StringComparison.Ordinal)
            || ((string)d!["scope"]!).StartsWith("2038", StringComparison.Ordinal));
        var rebuilt = await DashboardHost.SummaryAsync(server, 2037);
        Assert.Equal(settled["dues"]!.ToJsonString(), rebuilt["dues"]!.ToJsonString());
        Assert.Equal(settled["donations"]!.ToJsonString(), rebuilt["donations"]!.ToJsonString());
        Assert.Equal(settled["months"]!.ToJsonString(), rebuilt["months"]!.ToJsonString());
    }

    /// <summary>A card member who joined on 10 March 2036 and whose March 2037 dues were charged at <paramref name="at"/>.</summary>
    private static Member Charged(DateTimeOffset at, DuesChargeStatus status)
    {
        var joined = new DateTimeOffset(2036, 3, 10, 10, 0, 0, TimeSpan.Zero);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var request = new MembershipRequest(MemberKind.Person, "Monat " + tag, null, $"month.{tag}@example.de",
            new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000, PaymentMethodKind.Card, "de", false);
        var member = Member.Create(MemberSeeder.MemberId(Random.Shared.Next(1_000_000, int.MaxValue / 2), 0), request, joined.AddMinutes(-5));
        member.Apply(new CheckoutCompleted($"evt_{tag}", joined, new Dictionary<string, string>(StringComparer.Ordinal), $"cs_{tag}",
            member.Id, Paid: true, SubscriptionMode: false, PaymentIntentId: null, SubscriptionId: null, "cus_" + tag, 6000));
        var due = member.NextDuesDate!.Value;
        member.RecordPreNotification(DuesCalendar.PreNotificationDate(due, DuesPolicy.Default));
        Assert.NotNull(member.RequestDuesCharge(AssociationCalendar.Date(at)));
        member.RecordDuesCharge(due, new DuesChargeResult(status, "pi_" + tag), at);
        return member;
    }
}
