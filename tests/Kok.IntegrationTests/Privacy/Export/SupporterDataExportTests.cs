using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Kok.Domain.Privacy.Export;
using Kok.Domain.SelfService;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.SelfService;

namespace Kok.IntegrationTests.Privacy.Export;

/// <summary>
/// The copy of a supporter's data (Art. 15 DSGVO) through DevHost, on an Azurite of its own (the receipt and member
/// mail pipelines run): a supporter with a paid card donation, a bank transfer donation matched by the statement
/// import, a paid membership whose fee they changed on "Mein KOK", three receipts with archived PDFs and their mails;
/// another supporter with the same name and a similar address. Staff's export and the supporter's own hold every
/// item of the first and nothing of the other; the staff export is audited without the address.
/// </summary>
public sealed class SupporterDataExportTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    private const string StaffToken = "privacy-export-staff-token";

    private static readonly string[] ExportFunctions =
        ["StripeWebhook", "ReceiptMail", "WelcomeMail", "MemberMail", "ImportBankStatement", "SupporterDataExport", "SupporterDataPage", "ExportSupporterData"];

    [Fact]
    public async Task Staff_and_the_supporter_get_every_item_of_theirs_and_nothing_of_a_namesake_with_a_similar_address()
    {
        await using var host = await StartAsync();
        var local = $"erika.{Guid.NewGuid():N}";
        var email = local + "@example.org";
        var namesake = local + "@example.net";
        var donations = new DonationApi(host.Server);

        var (cardDonationId, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 40m, email: email));
        await donations.CompleteAsync(sessionId, "succeeded");
        var memberId = await DevHostMembers.SignUpAndPayAsync(host.Server, email);
        var (transferDonationId, code) = await TransferAsync(host, email, 25m);
        await DevHostMembers.MailContainingAsync(host.Server, email, code);
        await ImportAsync(host, code, 2500);
        var (otherDonationId, otherSession) = await donations.CreateAsync(DonationApi.Body(amount: 40m, email: namesake));
        await donations.CompleteAsync(otherSession, "succeeded");
        var mails = await DevHostMembers.MailsToAsync(host.Server, email, 5);
        var thankYou = mails.First(m => m["attachments"]!.AsArray().Count > 0 && ((string)m["subject"]!).Contains("Spende", StringComparison.Ordinal));
        await DevHostMembers.MailsToAsync(host.Server, namesake, 1);

        var browser = await host.SignedInBrowserAsync(email, mailCount: 6);
        using (var change = await MeinKokHost.PostAsync(browser, $"api/me/memberships/{memberId}/amount", new { annualAmount = 80 }))
        {
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        var auditsBefore = (await ExportAuditsAsync()).Count;
        var (staffJson, staffExport) = await StaffExportAsync(host, email);
        var donationIds = staffExport["donations"]!.AsArray().Select(d => (string)d!["donationId"]!).ToArray();
        Assert.Equal(new[] { cardDonationId, transferDonationId }.Order(StringComparer.Ordinal), donationIds.Order(StringComparer.Ordinal));
        Assert.Equal(email, (string)staffExport["donations"]![0]!["donor"]!["email"]!);
        var membership = Assert.Single(staffExport["memberships"]!.AsArray())!;
        Assert.Equal(memberId, (string)membership["memberId"]!);
        Assert.Equal(8000, (long)membership["annualAmountCents"]!);
        Assert.NotEmpty(membership["payments"]!.AsArray());

        var receipts = staffExport["receipts"]!.AsArray();
        Assert.Equal(3, receipts.Count);
        Assert.All(receipts, r =>
        {
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(Convert.FromBase64String((string)r!["pdfBase64"]!)[..4]), StringComparison.Ordinal);
            Assert.StartsWith("/api/dashboard/receipts/", (string)r["downloadPath"]!, StringComparison.Ordinal);
        });
        var attachment = await host.Server.Client.GetByteArrayAsync($"dev/mail/{(string)thankYou["id"]!}/attachments/0");
        Assert.Contains(receipts, r => Convert.FromBase64String((string)r!["pdfBase64"]!).SequenceEqual(attachment));

        var kinds = staffExport["mails"]!.AsArray().Select(m => (string)m!["kind"]!).ToArray();
        Assert.Contains("donation_thank_you", kinds);
        Assert.Contains("member_welcome", kinds);
        Assert.Contains("transfer_instructions", kinds);
        Assert.All(staffExport["mails"]!.AsArray(), m => Assert.False(string.IsNullOrEmpty((string)m!["subject"]!)));

        var consent = Assert.Single(staffExport["consents"]!.AsArray(), c => (string)c!["concerning"]! == memberId)!;
        Assert.False(string.IsNullOrEmpty((string)consent["privacyNoticeVersion"]!));
        Assert.False((bool)consent["listPublicly"]!);
        Assert.Equal(3, staffExport["consents"]!.AsArray().Count);

        var audit = Assert.Single(staffExport["auditEntries"]!.AsArray(), a => (string)a!["action"]! == ChangeOwnMembershipAmount.AmountChangedAction)!;
        Assert.Equal(memberId, (string)audit["concerning"]!);
        Assert.False((bool)staffExport["objectedToMail"]!);

        var bank = staffExport["bankEntries"]!.AsArray();
        Assert.Contains(bank, b => (string)b!["donationId"]! == transferDonationId && (string?)b["outcome"] == "matched" && (long?)b["amountCents"] == 2500);
        Assert.All(bank, b => Assert.Equal(transferDonationId, (string)b!["donationId"]!));

        var stores = staffExport["stores"]!.AsArray();
        Assert.Equal(PersonalDataCatalog.All(new StorageClients(new StorageSettings("UseDevelopmentStorage=true", null, null, null, null), [])).Count, stores.Count);
        Assert.All(stores, s => Assert.True(s!["section"] is not null || s["coveredBy"] is not null, (string)s!["store"]!));

        // Nothing of the namesake: not their address, their donation, nor their receipt.
        var (_, otherExport) = await StaffExportAsync(host, namesake);
        var otherReceipt = (string)Assert.Single(otherExport["receipts"]!.AsArray())!["number"]!;
        foreach (var foreign in new[] { namesake, otherDonationId, otherReceipt })
        {
            Assert.DoesNotContain(foreign, staffJson, StringComparison.OrdinalIgnoreCase);
        }

        // The supporter's own copy: the same items, with links that work with their session.
        using var own = await browser.GetAsync("api/me/data");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        var ownJson = await own.Content.ReadAsStringAsync();
        var ownExport = JsonNode.Parse(ownJson)!.AsObject();
        Assert.Equal(
            donationIds.Order(StringComparer.Ordinal),
            ownExport["donations"]!.AsArray().Select(d => (string)d!["donationId"]!).Order(StringComparer.Ordinal));
        Assert.Equal(3, ownExport["receipts"]!.AsArray().Count);
        Assert.Equal(staffExport["mails"]!.AsArray().Count, ownExport["mails"]!.AsArray().Count);
        foreach (var foreign in new[] { namesake, otherDonationId, otherReceipt })
        {
            Assert.DoesNotContain(foreign, ownJson, StringComparison.OrdinalIgnoreCase);
        }

        var ownPath = (string)ownExport["receipts"]![0]!["downloadPath"]!;
        using (var pdf = await browser.GetAsync(ownPath.TrimStart('/')))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal(Convert.FromBase64String((string)ownExport["receipts"]![0]!["pdfBase64"]!), await pdf.Content.ReadAsByteArrayAsync());
        }

        using var page = await browser.GetAsync("api/me/data.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Ihre Daten bei KOK e.V.", html, StringComparison.Ordinal);
        Assert.Contains(transferDonationId, html, StringComparison.Ordinal);
        Assert.Contains(memberId, html, StringComparison.Ordinal);
        Assert.All(receipts, r => Assert.Contains((string)r!["number"]!, html, StringComparison.Ordinal));
        Assert.DoesNotContain(otherDonationId, html, StringComparison.Ordinal);

        // The namesake's own copy has their donation only.
        Assert.Equal([otherDonationId], otherExport["donations"]!.AsArray().Select(d => (string)d!["donationId"]!));
        Assert.Empty(otherExport["memberships"]!.AsArray());

        // Audited, with the number of records and without the address.
        var audits = await ExportAuditsAsync();
        Assert.Equal(auditsBefore + 2, audits.Count);
        Assert.Contains(audits, a => a.GetString("Details") == "entities=3");
        Assert.All(audits, a => Assert.DoesNotContain(((IDictionary<string, object>)a).Values, v => v?.ToString()?.Contains(local, StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact]
    public async Task The_own_copy_needs_the_session_and_staff_get_a_problem_naming_the_field_for_bad_input_with_nothing_audited()
    {
        await using var host = await StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var auditsBefore = (await ExportAuditsAsync()).Count;

        foreach (var path in new[] { "api/me/data", "api/me/data.html" })
        {
            using var anonymous = await host.NewBrowser().GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        foreach (var (query, body, field) in new[]
                 {
                     (string.Empty, "{}", "email"),
                     (string.Empty, """{"email":"no-address"}""", "email"),
                     (string.Empty, """{"email":5}""", "email"),
                     ("?format=pdf", $$"""{"email":"{{email}}"}""", "format"),
                 })
        {
            using var response = await StaffPostAsync(host, "api/dashboard/privacy/export" + query, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await DonationApi.ProblemAsync(response);
            Assert.Contains(field, DonationApi.ErrorFields(problem));
        }

        using (var anonymousStaff = await host.Server.Client.PostAsync("api/dashboard/privacy/export", new StringContent($$"""{"email":"{{email}}"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousStaff.StatusCode);
        }

        Assert.Equal(auditsBefore, (await ExportAuditsAsync()).Count);

        // An address nobody gave with: an empty copy (stores still described), not an error.
        var (_, empty) = await StaffExportAsync(host, MeinKokHost.NewEmail("nobody"));
        Assert.Empty(empty["donations"]!.AsArray());
        Assert.NotEmpty(empty["stores"]!.AsArray());

        using var html = await StaffPostAsync(host, "api/dashboard/privacy/export?format=html&lang=en", $$"""{"email":"{{email}}"}""");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("Your data at KOK e.V.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"lang-switch\"", text, StringComparison.Ordinal);
    }

    private Task<MeinKokHost> StartAsync() => MeinKokHost.StartAsync(
        o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["BankAccount:Holder"] = "KOK e.V.";
            o.Settings["BankAccount:Iban"] = "DE02 1203 0000 0000 2020 51";
            o.Settings["BankAccount:Bic"] = "BYLADEM1001";
            o.Settings["BankAccount:BankName"] = "Beispielbank";
        },
        moreFunctions: ExportFunctions);

    private static async Task<(string DonationId, string Code)> TransferAsync(MeinKokHost host, string email, decimal amount)
    {
        using var response = await new DonationApi(host.Server).PostAsync(DonationApi.Body(amount: amount, paymentMethod: "bank_transfer", email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)created["donationId"]!, (string)created["bankTransfer"]!["referenceCode"]!);
    }

    /// <summary>A camt.053 day statement with one credit paying <paramref name="code"/>.</summary>
    private static async Task ImportAsync(MeinKokHost host, string code, long cents)
    {
        var euros = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:00}");
        var statement = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-03-02T06:00:00+01:00</CreDtTm></GrpHdr>"
            + "<Stmt><Id>1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>"
            + $"<Ntry><Amt Ccy=\"EUR\">{euros}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt><ValDt><Dt>2026-03-01</Dt></ValDt><AcctSvcrRef>EXP-{Guid.NewGuid():N}</AcctSvcrRef>"
            + $"<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Erika Mustermann</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Spende {code}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
            + "</Stmt></BkToCstmrStmt></Document>\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements") { Content = new StringContent(statement, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        using var response = await host.Server.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"import: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<HttpResponseMessage> StaffPostAsync(MeinKokHost host, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        return await host.Server.Client.SendAsync(request);
    }

    private static async Task<(string Json, JsonObject Export)> StaffExportAsync(MeinKokHost host, string email)
    {
        using var response = await StaffPostAsync(host, "api/dashboard/privacy/export", DonationApi.Json(new { email }));
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.OK == response.StatusCode, json);
        return (json, JsonNode.Parse(json)!.AsObject());
    }

    private async Task<IReadOnlyList<TableEntity>> ExportAuditsAsync()
    {
        var table = new TableClient(azurite.ConnectionString, TableNames.DashboardAudit);
        await table.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Action eq {ExportSupporterDataByStaff.AuditAction}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
