using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Privacy;

/// <summary>
/// Erasure (Art. 17 DSGVO) end to end through DevHost: one supporter gives once with a receipt, monthly by card, and
/// is a member paying by SEPA direct debit, all under one address; staff ask what an erasure would do, then erase.
/// Each test on an Azurite of its own, so the scan sees only this supporter and the fingerprints only this host's work.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class ErasureThroughDevHostTests : IAsyncLifetime
{
    /// <summary>The stand-in's SEPA mandate ends in 3000: as a JSON string it is the IBAN ending of the member's account.</summary>
    private const string IbanEnding = "\"3000\"";
    private static readonly DateTimeOffset Start = new(2029, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly string tag = Guid.NewGuid().ToString("N")[..12];
    private AzuriteProcess azurite = null!;
    private DevHostServer server = null!;
    private DonationApi api = null!;

    private string Email => $"erase.{tag}@example.org";

    private string Street => "Löschweg " + tag;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        api = new DonationApi(server);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task After_erasure_name_email_street_and_iban_ending_remain_only_in_the_retained_receipts()
    {
        var (memberId, customerIds) = await SupporterAsync();
        Assert.Contains(TableNames.Members + ".Snapshot", await StorageScan.WhereAsync(server.StorageConnectionString, IbanEnding));
        var before = await DashboardHost.SummaryAsync(server, 2029);
        var receipts = await ListedReceiptsAsync();
        Assert.Equal(2, receipts.Count);

        var erased = await EraseAsync(confirm: true, membershipEnd: "period_end");
        await DashboardHost.SettledAsync(server);
        await DrainedAsync();

        Assert.True((bool)erased["confirmed"]!);
        Assert.Equal(2, (int)erased["donations"]!);
        Assert.Equal(1, (int)erased["members"]!);
        var where = await StorageScan.WhereAsync(server.StorageConnectionString, tag, Email, Street, IbanEnding);
        Assert.Equal(["ReceiptRegister.DonorAddressLines", "ReceiptRegister.DonorName", "blob:receipts"], where);

        // The provider forgot the customers; the membership runs to its paid end without the member's data.
        foreach (var customerId in customerIds)
        {
            Assert.True((bool)(await server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/customers/{customerId}"))!["deleted"]!);
        }

        Assert.Equal("cancelling", (string)(await MemberAsync(memberId))["status"]!);

        // The totals stay right: the same money, and a recompute from the stored records finds nothing adrift.
        var after = await DashboardHost.SummaryAsync(server, 2029);
        Assert.Equal(before["donations"]!.ToJsonString(), after["donations"]!.ToJsonString());
        Assert.Empty((await DashboardHost.RecomputeAsync(server))["drift"]!.AsArray());

        // The retained receipts are in no list, yet staff can still download them, marked "gesperrt".
        Assert.Empty(await ListedReceiptsAsync());
        foreach (var number in receipts)
        {
            using var pdf = await DashboardHost.SendAsync(server, HttpMethod.Get, $"api/dashboard/receipts/{number}/pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("gesperrt", pdf.Headers.GetValues("X-Receipt-Locked").Single());
            Assert.Contains("gesperrt", pdf.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_dry_run_changes_nothing_and_says_what_would_be_erased_and_kept()
    {
        await SupporterAsync();
        var print = await StorageScan.FingerprintAsync(server.StorageConnectionString);

        var plan = await EraseAsync(confirm: false);

        Assert.False((bool)plan["confirmed"]!);
        Assert.Equal(2, (int)plan["donations"]!);
        Assert.Equal(1, (int)plan["members"]!);
        var stores = plan["stores"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var register = Assert.Single(stores, s => (string)s["store"]! == TableNames.ReceiptRegister);
        Assert.Equal("retain", (string)register["action"]!);
        Assert.Equal(2, (int)register["count"]!);
        Assert.Equal("2037-12-31", (string)register["retainedUntil"]!);
        Assert.Contains(stores, s => (string)s["store"]! == TableNames.Donations && (string)s["action"]! == "pseudonymise" && (int)s["count"]! == 2);
        Assert.Contains(stores, s => (string)s["store"]! == TableNames.DashboardDonationList && (string)s["action"]! == "delete" && (int)s["count"]! == 2);
        Assert.Equal(print, await StorageScan.FingerprintAsync(server.StorageConnectionString));
    }

    [Fact]
    public async Task Erasing_twice_changes_nothing_and_a_new_donation_from_the_address_is_a_new_supporter()
    {
        await SupporterAsync();
        await EraseAsync(confirm: true, membershipEnd: "now");
        await DashboardHost.SettledAsync(server);
        await DrainedAsync();
        var print = await StorageScan.FingerprintAsync(server.StorageConnectionString, TableNames.DashboardAudit);

        var again = await EraseAsync(confirm: true);
        await DashboardHost.SettledAsync(server);

        Assert.Equal(0, (int)again["donations"]!);
        Assert.Equal(0, (int)again["members"]!);
        Assert.Equal(print, await StorageScan.FingerprintAsync(server.StorageConnectionString, TableNames.DashboardAudit));

        var (donationId, sessionId) = await api.CreateAsync(Body(amount: 20m));
        await api.CompleteAsync(sessionId, "succeeded");
        var plan = await EraseAsync(confirm: false);
        Assert.Equal(1, (int)plan["donations"]!);
        Assert.Equal(0, (int)plan["members"]!);
        using var donation = await DashboardHost.SendAsync(server, HttpMethod.Get, $"api/donations/{donationId}");
        Assert.Equal("paid", (string)(await donation.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
    }

    [Fact]
    public async Task Bad_input_is_named_and_nothing_is_written()
    {
        await SupporterAsync();
        var print = await StorageScan.FingerprintAsync(server.StorageConnectionString);

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { email = "nope", reason = "r", confirm = true }, "email"),
                     (new { email = Email, confirm = true }, "reason"),
                     (new { email = Email, reason = "r", confirm = "yes" }, "confirm"),
                     (new { email = Email, reason = "r", confirm = true, membershipEnd = "later" }, "membershipEnd"),
                 })
        {
            using var response = await DashboardHost.SendAsync(server, HttpMethod.Post, "api/dashboard/privacy/erase", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, DonationApi.ErrorFields(await DonationApi.ProblemAsync(response)));
        }

        Assert.Equal(print, await StorageScan.FingerprintAsync(server.StorageConnectionString));
    }

    [Fact]
    public async Task A_plan_needs_no_reason_and_changes_nothing_but_a_confirmation_without_one_is_refused()
    {
        await SupporterAsync();
        var print = await StorageScan.FingerprintAsync(server.StorageConnectionString);

        using (var plan = await DashboardHost.SendAsync(server, HttpMethod.Post, "api/dashboard/privacy/erase", new { email = Email }))
        {
            Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
            var body = (await plan.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.False((bool)body["confirmed"]!);
            Assert.Equal(2, (int)body["donations"]!);
        }

        using (var refused = await DashboardHost.SendAsync(server, HttpMethod.Post, "api/dashboard/privacy/erase", new { email = Email, confirm = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(new[] { "reason" }, DonationApi.ErrorFields(await DonationApi.ProblemAsync(refused)));
        }

        Assert.Equal(print, await StorageScan.FingerprintAsync(server.StorageConnectionString));
    }

    private JsonObject Body(decimal amount = 50m, string interval = "once")
    {
        var body = DonationApi.Body(amount: amount, interval: interval, name: "Erasa " + tag, email: Email);
        body["donor"]!["address"]!["street"] = Street;
        return body;
    }

    /// <summary>A receipt-wanting one-time donation, a monthly card donation and a SEPA membership under one address; their Stripe customers.</summary>
    private async Task<(string MemberId, IReadOnlyList<string> CustomerIds)> SupporterAsync()
    {
        var (_, onceSession) = await api.CreateAsync(Body());
        await api.CompleteAsync(onceSession, "succeeded");
        var (_, monthlySession) = await api.CreateAsync(Body(amount: 10m, interval: "monthly"));
        var monthly = await api.CompleteAsync(monthlySession, "succeeded");

        var signUpBody = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(MembershipFlowTests.SignUp(Email, "sepa_debit", "Verein " + tag)))!.AsObject();
        signUpBody["contactPerson"] = "Kontakt " + tag;
        signUpBody["address"]!["street"] = Street;
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", signUpBody);
        signUp.EnsureSuccessStatusCode();
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var member = await api.StripeActionAsync($"checkout/{new Uri((string)created["checkoutUrl"]!).Segments[^1]}/complete", new { outcome = "succeeded", paymentMethod = "sepa_debit" });

        // Thanks with receipt, monthly thanks, welcome, dues receipt.
        await Eventually.WaitUntilAsync(async () => await MailCountAsync() >= 4, "the supporter's four mails are sent");
        await DashboardHost.SettledAsync(server);
        await DrainedAsync();
        return ((string)created["memberId"]!, new[] { (string?)monthly["customerId"], (string?)member["customerId"] }.OfType<string>().ToList());
    }

    private async Task<JsonObject> EraseAsync(bool confirm, string? membershipEnd = null)
    {
        using var response = await DashboardHost.SendAsync(server, HttpMethod.Post, "api/dashboard/privacy/erase",
            new { email = Email, reason = "Bitte per Brief vom 1. März", confirm, membershipEnd });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<IReadOnlyList<string>> ListedReceiptsAsync()
    {
        using var response = await DashboardHost.SendAsync(server, HttpMethod.Get, "api/dashboard/receipts?year=2029");
        response.EnsureSuccessStatusCode();
        var list = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. list["receipts"]!.AsArray().Select(r => (string)r!["number"]!)];
    }

    private async Task<JsonObject> MemberAsync(string memberId)
    {
        using var response = await DashboardHost.SendAsync(server, HttpMethod.Get, $"api/memberships/{memberId}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<int> MailCountAsync()
    {
        var mails = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return mails.Count(m => m!["to"]!.AsArray().Any(t => (string?)t == Email));
    }

    private async Task DrainedAsync() =>
        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(server.StorageConnectionString, "receipt-mail") == 0
                && await TestQueues.CountAsync(server.StorageConnectionString, "member-mail") == 0,
            "the mail queues are drained");
}
