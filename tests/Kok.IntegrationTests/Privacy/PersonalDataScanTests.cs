using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Privacy;

/// <summary>
/// Holds the personal-data catalog to what is really stored: a donor and a member go through the flows that write
/// (a paid donation with its receipt mail, a paid sign-up with its welcome mail, a cancellation by staff, the donor's
/// request on Mein KOK to erase their data), each with a
/// marker in their name, email and address; then every table of the storage account is read and each column that
/// carries a marker must be declared for its table (<see cref="PersonalDataCatalog"/>). A new table or column holding
/// a supporter's data without a declaration fails here, so the privacy rules can find and erase every copy.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class PersonalDataScanTests
{
    [Fact]
    public async Task Every_table_column_that_holds_a_supporters_data_is_declared()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var tag = Guid.NewGuid().ToString("N")[..12];

        // A donor who wants a receipt, paid by card: donation row, list row, receipt register, receipt mail.
        var api = new DonationApi(server);
        var donorEmail = $"pd.{tag}@example.org";
        var body = DonationApi.Body(name: "Spender " + tag, email: donorEmail);
        body["donor"]!["address"]!["street"] = "Markerweg " + tag;
        var (_, sessionId) = await api.CreateAsync(body);
        await api.CompleteAsync(sessionId, "succeeded");

        // A member, paid by card, then cancelled by staff: member row, indexes, list row, mails, audit trail.
        var memberEmail = $"pm.{tag}@example.org";
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", new
        {
            kind = "organisation",
            name = "Verein " + tag,
            contactPerson = "Kontakt " + tag,
            email = memberEmail,
            address = new { street = "Mitgliedweg " + tag, postalCode = "51147", city = "Köln", country = "DE" },
            annualAmount = 60.00m,
            paymentMethod = "card",
            locale = "de",
            consents = new { privacy = true, listPublicly = false },
        });
        signUp.EnsureSuccessStatusCode();
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var memberId = (string)created["memberId"]!;
        await api.CompleteAsync(new Uri((string)created["checkoutUrl"]!).Segments[^1], "succeeded");
        using (var cancel = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/members/{memberId}/cancel"))
        {
            cancel.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
            (await server.Client.SendAsync(cancel)).EnsureSuccessStatusCode();
        }

        await Eventually.WaitUntilAsync(
            async () => await MailCountAsync(server, donorEmail) >= 1 && await MailCountAsync(server, memberEmail) >= 2,
            "the receipt, welcome and cancellation mails are sent");

        // The donor signs in on Mein KOK and asks for erasure, with the marker in the message: the open request.
        using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress })
        {
            (await server.Client.PostAsJsonAsync("api/me/link", new { email = donorEmail })).EnsureSuccessStatusCode();
            var link = SelfService.MeinKokHost.LinkIn((await DevHostMembers.MailsToAsync(server, donorEmail, 2))[^1]);
            (await SelfService.MeinKokHost.PostSignInAsync(browser, link)).Dispose();
            using var asked = await SelfService.MeinKokHost.PostAsync(browser, "api/me/erasure-request", new { message = "Bitte löschen " + tag });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, asked.StatusCode);
        }

        var found = await ColumnsHoldingAsync(server.StorageConnectionString, tag, since);

        // The scan sees what the flows wrote: the aggregates and the staff lists at least.
        Assert.Contains(found, f => f.Table == TableNames.Members);
        Assert.Contains(found, f => f.Table == TableNames.Donations);
        Assert.Contains(found, f => f.Table == TableNames.DashboardMemberList);
        Assert.Contains(found, f => f.Table == TableNames.DashboardDonationList);
        Assert.Contains(found, f => f.Table == TableNames.ReceiptRegister);
        Assert.Contains(found, f => f.Table == TableNames.ErasureRequests);
        var storage = new StorageClients(new StorageSettings(server.StorageConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]);
        var undeclared = found
            .Where(f => !PersonalDataCatalog.For(storage, f.Table).Any(d => d.Fields.Any(field => Declares(field, f.Column))))
            .Select(f => $"{f.Table}.{f.Column}")
            .ToList();
        Assert.True(undeclared.Count == 0, "Personal data stored without a declaration: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_declaration_says_what_why_and_how_it_is_erased()
    {
        var storage = new StorageClients(new StorageSettings("UseDevelopmentStorage=true", null, null, null, null), [DeferredRefreshes.Recorder]);

        var all = PersonalDataCatalog.All(storage);

        Assert.All(all, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Store));
            Assert.NotEmpty(d.Fields);
            Assert.False(string.IsNullOrWhiteSpace(d.Purpose));
        });
        Assert.Contains(all, d => d.Store == "blob:receipts");
    }

    /// <summary>A declared field names the column first ("Snapshot: …"); chunked columns carry a number ("Snapshot0").</summary>
    private static bool Declares(string field, string column) =>
        string.Equals(field.Split(':', ' ')[0], column.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), StringComparison.Ordinal);

    private static async Task<int> MailCountAsync(DevHostServer server, string email)
    {
        var mails = (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return mails.Count(m => m!["to"]!.AsArray().Any(t => (string?)t == email));
    }

    /// <summary>Every (table, column) written since <paramref name="since"/> whose text contains <paramref name="marker"/>.</summary>
    private static async Task<IReadOnlyList<(string Table, string Column)>> ColumnsHoldingAsync(string connectionString, string marker, DateTimeOffset since)
    {
        var service = new TableServiceClient(connectionString);
        var found = new HashSet<(string, string)>();
        await foreach (var item in service.QueryAsync())
        {
            var table = service.GetTableClient(item.Name);
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Timestamp ge {since}")))
            {
                foreach (var (column, value) in entity)
                {
                    if (value is string text && text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add((item.Name, column));
                    }
                }

                if (entity.PartitionKey.Contains(marker, StringComparison.OrdinalIgnoreCase) || entity.RowKey.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add((item.Name, "Key"));
                }
            }
        }

        return found.ToList();
    }
}
