using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Privacy;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// A supporter asks on "Mein KOK" for their data to be erased, through a DevHost with every function on an Azurite of
/// its own: the request is recorded once (asking again answers the same), confirmed by mail, in the copy of their
/// data and on the staff's list; the staff's confirmed erasure of the address closes it and leaves neither the address
/// nor the message in the request table. Bad input is named and writes nothing.
/// </summary>
public sealed class ErasureRequestTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task A_request_is_recorded_once_mailed_exported_listed_for_staff_and_closed_by_the_erasure_without_a_personal_trace()
    {
        await using var host = await StartAsync();
        var email = MeinKokHost.NewEmail("erase");
        var message = "Bitte alles löschen " + Guid.NewGuid().ToString("N")[..10];
        var donations = new DonationApi(host.Server);
        var (_, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 20m, email: email));
        await donations.CompleteAsync(sessionId, "succeeded");
        await DevHostMembers.MailsToAsync(host.Server, email, 1);
        var browser = await host.SignedInBrowserAsync(email, mailCount: 2);

        using var asked = await MeinKokHost.PostAsync(browser, "api/me/erasure-request", new { message });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var answer = (await asked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("requested", (string)answer["status"]!);
        using var again = await MeinKokHost.PostAsync(browser, "api/me/erasure-request", new { message = "noch einmal" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(answer.ToJsonString(), (await again.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());
        Assert.Equal(answer.ToJsonString(), (await browser.GetFromJsonAsync<JsonObject>("api/me/erasure-request"))!.ToJsonString());

        var mails = await DevHostMembers.MailsToAsync(host.Server, email, 3);
        Assert.Equal("Ihr Antrag auf Löschung Ihrer Daten", (string)mails[^1]["subject"]!);
        var copy = (await browser.GetFromJsonAsync<JsonObject>("api/me/data"))!;
        Assert.Equal(message, (string)copy["erasureRequests"]!.AsArray().Single()!["message"]!);

        var listed = Assert.Single(await OpenRequestsAsync(host), r => (string)r!["email"]! == email)!;
        Assert.Equal(message, (string)listed["message"]!);
        Assert.Equal((string)answer["requestedAt"]!, (string)listed["requestedAt"]!);

        using (var plan = await DashboardHost.SendAsync(host.Server, HttpMethod.Post, "api/dashboard/privacy/erase", new { email }))
        {
            var stores = (await plan.Content.ReadFromJsonAsync<JsonObject>())!["stores"]!.AsArray();
            Assert.Equal(1, (int)stores.Single(s => (string)s!["store"]! == TableNames.ErasureRequests)!["count"]!);
        }

        Assert.Single(await OpenRequestsAsync(host), r => (string)r!["email"]! == email);
        using (var erased = await DashboardHost.SendAsync(host.Server, HttpMethod.Post, "api/dashboard/privacy/erase", new { email, reason = "Antrag aus Mein KOK", confirm = true }))
        {
            Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        }

        Assert.DoesNotContain(await OpenRequestsAsync(host), r => (string)r!["email"]! == email);
        Assert.DoesNotContain(await StorageScan.WhereAsync(host.Server.StorageConnectionString, email, message), place => place.StartsWith(TableNames.ErasureRequests + ".", StringComparison.Ordinal));
        var table = new TableClient(host.Server.StorageConnectionString, TableNames.ErasureRequests);
        var trace = Assert.Single(table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"closed"} and RowKey eq {(string)listed["requestId"]!}")));
        Assert.Equal("erased", trace.GetString("Outcome"));
        Assert.Equal(["ClosedAt", "Outcome", "RequestedAt"], trace.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order());
    }

    [Fact]
    public async Task A_bad_message_is_named_and_nothing_is_written()
    {
        await using var host = await StartAsync();
        var email = MeinKokHost.NewEmail("erase");
        await host.DonateAsync(email);
        var browser = await host.SignedInBrowserAsync(email);
        var print = await StorageScan.FingerprintAsync(host.Server.StorageConnectionString);

        foreach (var body in new object[] { new { message = new string('x', 501) }, new { message = 42 } })
        {
            using var refused = await MeinKokHost.PostAsync(browser, "api/me/erasure-request", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(new[] { "message" }, DonationApi.ErrorFields(await DonationApi.ProblemAsync(refused)));
        }

        Assert.Equal("none", (string)(await browser.GetFromJsonAsync<JsonObject>("api/me/erasure-request"))!["status"]!);
        Assert.Equal(print, await StorageScan.FingerprintAsync(host.Server.StorageConnectionString));
    }

    private Task<MeinKokHost> StartAsync() => MeinKokHost.StartAsync(o =>
    {
        o.StorageConnectionString = azurite.ConnectionString;
        o.OnlyFunctions.Clear();
        o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
    });

    private static async Task<JsonArray> OpenRequestsAsync(MeinKokHost host)
    {
        using var response = await DashboardHost.SendAsync(host.Server, HttpMethod.Get, "api/dashboard/privacy/requests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }
}
