using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Privacy;

/// <summary>
/// The retention run (<c>PrivacyRetention</c>, started through the admin API as the timer would) under the DevHost's
/// fake clock: receipts go with their PDFs the day after their retention, not a day before; unpaid donations and
/// sign-ups lose their personal data after 30 days, paid ones never. Each test on an Azurite of its own.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class RetentionThroughDevHostTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2029, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly CapturedLogs logs = new();
    private AzuriteProcess azurite = null!;
    private DevHostServer server = null!;
    private DonationApi api = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.Clock = clock;
            o.Logs = logs;
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
    public async Task A_receipt_and_its_pdf_are_gone_after_eight_years_and_a_day_not_a_day_before()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var email = $"keep.{tag}@example.org";
        var (_, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 80m, name: "Beleg " + tag, email: email));
        await api.CompleteAsync(sessionId, "succeeded");
        await Eventually.WaitUntilAsync(async () => await BlobCountAsync() == 1, "the receipt is archived");
        const string number = "2029-000001";
        Assert.Contains("ReceiptRegister.DonorName", await StorageScan.WhereAsync(server.StorageConnectionString, tag));

        // 31 December 2037, the last day of the eighth year after the year of issue (Berlin noon).
        var report = await RunAsync(new DateTimeOffset(2037, 12, 31, 11, 0, 0, TimeSpan.Zero));
        Assert.Contains("0 receipts past their retention deleted", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PdfAsync(number)).StatusCode);
        Assert.Equal(1, await BlobCountAsync());

        report = await RunAsync(new DateTimeOffset(2038, 1, 1, 11, 0, 0, TimeSpan.Zero));
        Assert.Contains("1 receipts past their retention deleted", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PdfAsync(number)).StatusCode);
        Assert.Equal(0, await BlobCountAsync());
        Assert.DoesNotContain(await StorageScan.WhereAsync(server.StorageConnectionString, tag), w => w.StartsWith("ReceiptRegister", StringComparison.Ordinal));
        Assert.Equal(0, await OverdueAsync());
        Assert.DoesNotContain(email, logs.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unpaid_donations_and_sign_ups_are_scrubbed_after_30_days_and_paid_ones_never()
    {
        var unpaid = Guid.NewGuid().ToString("N")[..12];
        var paid = Guid.NewGuid().ToString("N")[..12];
        await api.CreateAsync(DonationApi.Body(name: "Offen " + unpaid, email: $"open.{unpaid}@example.org"));
        var (_, failedSession) = await api.CreateAsync(DonationApi.Body(name: "Abgelehnt " + unpaid, email: $"failed.{unpaid}@example.org"));
        await api.CompleteAsync(failedSession, "failed");
        using (var signUp = await server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp($"member.{unpaid}@example.org", name: "Verein " + unpaid)))
        {
            signUp.EnsureSuccessStatusCode();
        }

        var (_, paidSession) = await api.CreateAsync(DonationApi.Body(name: "Bezahlt " + paid, email: $"paid.{paid}@example.org"));
        await api.CompleteAsync(paidSession, "succeeded");
        await DashboardHost.SettledAsync(server);

        // Day 30: not yet.
        await RunAsync(Start.AddDays(30).AddHours(-1));
        Assert.Contains("Donations.Snapshot", await StorageScan.WhereAsync(server.StorageConnectionString, unpaid));
        Assert.Contains("Members.Snapshot", await StorageScan.WhereAsync(server.StorageConnectionString, unpaid));

        clock.SetUtcNow(Start.AddDays(30).AddHours(1));
        Assert.Equal(3, await OverdueAsync());
        var report = await RunAsync(Start.AddDays(30).AddHours(1));
        await DashboardHost.SettledAsync(server);

        Assert.Contains("2 unpaid donations and 1 unpaid sign-ups scrubbed", report, StringComparison.Ordinal);
        Assert.Empty(await StorageScan.WhereAsync(server.StorageConnectionString, unpaid));
        Assert.Contains("Donations.Snapshot", await StorageScan.WhereAsync(server.StorageConnectionString, paid));
        Assert.Equal(0, await OverdueAsync());

        // Years later the paid donation still names its donor; the scrubbed ones are not scrubbed twice.
        report = await RunAsync(Start.AddYears(3));
        Assert.Contains("0 unpaid donations and 0 unpaid sign-ups scrubbed", report, StringComparison.Ordinal);
        Assert.Contains("Donations.Snapshot", await StorageScan.WhereAsync(server.StorageConnectionString, paid));
    }

    /// <summary>Sets the clock, starts the run through the admin API and waits for its report (counts only).</summary>
    private async Task<string> RunAsync(DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var before = Reports().Count;
        using var run = await server.Client.PostAsJsonAsync("admin/functions/PrivacyRetention", new { });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        await Eventually.WaitUntilAsync(() => Task.FromResult(Reports().Count > before), "the retention run reports");
        return Reports()[^1];
    }

    private List<string> Reports() => [.. logs.Lines.Where(l => l.Contains("Privacy retention:", StringComparison.Ordinal))];

    private async Task<HttpResponseMessage> PdfAsync(string number) =>
        await DashboardHost.SendAsync(server, HttpMethod.Get, $"api/dashboard/receipts/{number}/pdf");

    private async Task<int> OverdueAsync()
    {
        using var response = await DashboardHost.SendAsync(server, HttpMethod.Get, "api/dashboard/privacy/overdue");
        response.EnsureSuccessStatusCode();
        return (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["overdue"]!;
    }

    private async Task<int> BlobCountAsync()
    {
        var container = new BlobServiceClient(server.StorageConnectionString).GetBlobContainerClient("receipts");
        var count = 0;
        await foreach (var blob in container.GetBlobsAsync())
        {
            count += blob.Name.EndsWith(".pdf", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
