using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>
/// Donations by bank transfer through DevHost: the form's answer and the instructions mail via the receipt-mail queue
/// and the SendGrid stand-in; the statement import that matches the money and sends the receipts.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed partial class BankTransferThroughDevHostTests : IAsyncLifetime
{
    private const string Iban = "DE02120300000000202051";

    private readonly CapturedLogs _logs = new();
    private DevHostServer _server = null!;
    private DonationApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["BankAccount:Holder"] = "KOK e.V.";
            o.Settings["BankAccount:Iban"] = "DE02 1203 0000 0000 2020 51";
            o.Settings["BankAccount:Bic"] = "BYLADEM1001";
            o.Settings["BankAccount:BankName"] = "Beispielbank";
            o.Logs = _logs;
        });
        _api = new DonationApi(_server);
        foreach (var name in new[] { "receipt-mail", "receipt-mail-poison" })
        {
            var queue = _server.Queue(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }

        (await _server.Client.DeleteAsync("dev/mail")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_transfer_donation_answers_with_account_code_and_girocode_stays_pending_and_mails_the_instructions()
    {
        var body = DonationApi.Body(amount: 25.50m, paymentMethod: "bank_transfer", email: "transfer-once@example.org");

        using var response = await _api.PostAsync(body, idempotencyKey: "transfer-once-key-0001");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(created["checkoutUrl"]);
        var transfer = created["bankTransfer"]!.AsObject();
        var code = (string)transfer["referenceCode"]!;
        Assert.Matches("^KOK-[234679ACDEFHJKMNPRTUWXY]{4}-[234679ACDEFHJKMNPRTUWXY]{4}$", code);
        Assert.Equal("DE02 1203 0000 0000 2020 51", (string)transfer["iban"]!);
        Assert.Equal("KOK e.V.", (string)transfer["accountHolder"]!);
        Assert.Equal(2550, (long)transfer["amountCents"]!);
        Assert.StartsWith("<svg", (string)transfer["giroCodeSvg"]!, StringComparison.Ordinal);
        var donationId = (string)created["donationId"]!;
        Assert.Equal("pending", await _api.StatusAsync(donationId));

        var mail = await SingleMailToAsync("transfer-once@example.org");
        Assert.Contains(code, (string)mail["subject"]!, StringComparison.Ordinal);
        var text = (string)mail["text"]!;
        Assert.Contains("DE02 1203 0000 0000 2020 51", text, StringComparison.Ordinal);
        Assert.Contains("25,50 €", text, StringComparison.Ordinal);
        Assert.Contains("Verwendungszweck", text, StringComparison.Ordinal);

        // The same request again (a double click, a retry) names the same donation and code, and mails nothing more.
        using var again = await _api.PostAsync(body, idempotencyKey: "transfer-once-key-0001");
        var repeated = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(donationId, (string)repeated["donationId"]!);
        Assert.Equal(code, (string)repeated["bankTransfer"]!["referenceCode"]!);
        await DrainedAsync();
        Assert.Single(await MailsToAsync("transfer-once@example.org"));
    }

    [Fact]
    public async Task An_english_donor_gets_the_instructions_in_english()
    {
        var body = DonationApi.Body(amount: 10m, paymentMethod: "bank_transfer", email: "transfer-en@example.org");
        body["locale"] = "en";

        using var response = await _api.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var mail = await SingleMailToAsync("transfer-en@example.org");
        Assert.Contains("Payment reference", (string)mail["text"]!, StringComparison.Ordinal);
        Assert.Contains("€10.00", (string)mail["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monthly_donation_by_transfer_is_refused_naming_the_payment_method()
    {
        using var response = await _api.PostAsync(DonationApi.Body(interval: "monthly", paymentMethod: "bank_transfer"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["paymentMethod"]);
    }

    [Fact]
    public async Task A_statement_pays_both_transfer_donations_once_leaves_the_unknown_entry_and_records_nothing_new_the_second_time()
    {
        var first = await TransferAsync(25.50m, "statement-first@example.org");
        var second = await TransferAsync(40m, "statement-second@example.org");
        var lowerWithSpaces = $"spende kok {second.Code[4..8].ToLowerInvariant()} {second.Code[9..].ToLowerInvariant()} danke";
        var file = Camt053(
            ("CRDT", 25_50, "2026120400001", "Jürgen Müller", "DE89370400440532013000", $"SPENDE {first.Code}"),
            ("CRDT", 40_00, "2026120400002", "Anna Ölschläger", "DE44500105175407324931", lowerWithSpaces),
            ("CRDT", 15_00, "2026120400003", "Unbekannt Zahler", "DE12500105170648489890", "Mitgliedsbeitrag 2026"),
            ("CRDT", 25_50, "2026120400001", "Jürgen Müller", "DE89370400440532013000", $"SPENDE {first.Code}"),
            ("DBIT", 99_00, "2026120400004", "Telekom", "DE27100777770209299700", "Rechnung"));

        using var response = await UploadMultipartAsync(file, "2026-12-04.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        var result = JsonNode.Parse(answer)!.AsObject();
        var matched = result["matched"]!.AsArray();
        Assert.Equal([first.DonationId, second.DonationId], matched.Select(m => (string)m!["donationId"]!));
        Assert.All(matched, m => Assert.Contains("passen", (string)m!["explanationDe"]!, StringComparison.Ordinal));
        Assert.Single(result["alreadyKnown"]!.AsArray());
        var unmatched = Assert.Single(result["unmatched"]!.AsArray())!;
        Assert.Equal(15_00, (long)unmatched["amountCents"]!);
        Assert.Equal("DE12 **** 9890", (string)unmatched["payerIbanMasked"]!);
        Assert.DoesNotContain("DE12500105170648489890", answer, StringComparison.Ordinal);

        // Staff see the unmatched entry in their list, the IBAN masked.
        using var list = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/bank/unmatched");
        list.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        using var listed = await _server.Client.SendAsync(list);
        var listText = await listed.Content.ReadAsStringAsync();
        var item = Assert.Single(JsonNode.Parse(listText)!["items"]!.AsArray(), i => (string?)i!["payerName"] == "Unbekannt Zahler")!;
        Assert.Equal(15_00, (long)item["amountCents"]!);
        Assert.Equal("Mitgliedsbeitrag 2026", (string)item["remittance"]!);
        Assert.Contains("Kein Spendencode", (string)item["explanationDe"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("DE12500105170648489890", listText, StringComparison.Ordinal);

        Assert.Equal("paid", await _api.StatusAsync(first.DonationId));
        Assert.Equal("paid", await _api.StatusAsync(second.DonationId));
        foreach (var email in new[] { "statement-first@example.org", "statement-second@example.org" })
        {
            await Eventually.WaitUntilAsync(async () => (await MailsToAsync(email)).Count == 2, $"instructions and thank-you reach {email}");
            var thanks = Assert.Single(await MailsToAsync(email), m => m["attachments"]!.AsArray().Count == 1);
            Assert.Equal("application/pdf", (string)thanks["attachments"]![0]!["type"]!);
        }

        // The same file again, as the raw body: nothing new.
        using var again = await UploadRawAsync(file, "application/xml");
        var repeat = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Empty(repeat["matched"]!.AsArray());
        Assert.Empty(repeat["unmatched"]!.AsArray());
        Assert.Equal(4, repeat["alreadyKnown"]!.AsArray().Count);
        await DrainedAsync();
        Assert.Equal(2, (await MailsToAsync("statement-first@example.org")).Count);
        Assert.Equal(2, (await MailsToAsync("statement-second@example.org")).Count);

        Assert.DoesNotContain("DE89370400440532013000", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Müller", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Ölschläger", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_with_a_dtd_is_a_400_naming_the_file_and_records_nothing()
    {
        var file = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";

        using var response = await UploadRawAsync(file, "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("DTD", (string)problem["errors"]!["file"]![0]!, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_announcing_more_than_10_mb_is_refused_and_only_staff_may_upload()
    {
        using var large = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements")
        {
            Content = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]),
        };
        large.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        large.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        // The app refuses on the announced length without reading the body and the server then closes the
        // connection; a client that is still sending gets "connection reset" instead of the answer. With
        // "Expect: 100-continue" the client waits for the answer before sending the body, as HTTP intends.
        large.Headers.ExpectContinue = true;
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(90) })
        {
            BaseAddress = _server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };
        using var tooLarge = await patient.SendAsync(large);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("10 MB", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements") { Content = new StringContent("<x/>", System.Text.Encoding.UTF8, "application/xml") };
        using var refused = await _server.Client.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xml\"\r\n\r\n<Document")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n")]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("text/plain", "hello")]
    [InlineData("application/zip", "PK\u0003\u0004 not really a zip")]
    [InlineData("application/xml", "")]
    public async Task Broken_uploads_are_400s_naming_the_file_field(string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["file"]);
    }

    private async Task<(string DonationId, string Code)> TransferAsync(decimal amount, string email)
    {
        using var response = await _api.PostAsync(DonationApi.Body(amount: amount, paymentMethod: "bank_transfer", email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = (string)created["bankTransfer"]!["referenceCode"]!;

        // The instructions go out before a statement pays the code: none go out once the money has come, so a test
        // importing at once would race the mail queue.
        await Eventually.WaitUntilAsync(
            async () => (await MailsToAsync(email)).Any(m => ((string?)m["text"] ?? "").Contains(code, StringComparison.Ordinal)),
            $"the transfer instructions reach {email}");
        return ((string)created["donationId"]!, code);
    }

    private async Task<HttpResponseMessage> UploadMultipartAsync(string file, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var content = new StringContent(file, System.Text.Encoding.UTF8, "application/xml");
        form.Add(content, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements") { Content = form };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        return await _server.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> UploadRawAsync(string file, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements")
        {
            Content = new StringContent(file, System.Text.Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        return await _server.Client.SendAsync(request);
    }

    /// <summary>A camt.053.001.02 day statement as a German savings bank writes it, one transaction per entry.</summary>
    internal static string Camt053(params (string Direction, long Cents, string Reference, string Name, string Iban, string Remittance)[] entries)
    {
        var xml = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n<BkToCstmrStmt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-12-05T06:00:00+01:00</CreDtTm></GrpHdr>\n<Stmt><Id>1</Id><Acct><Id><IBAN>" + Iban + "</IBAN></Id></Acct>\n");
        foreach (var (direction, cents, reference, name, iban, remittance) in entries)
        {
            var euros = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:00}");
            xml.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<Ntry><Amt Ccy=\"EUR\">{euros}</Amt><CdtDbtInd>{direction}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-04</Dt></BookgDt><ValDt><Dt>2026-12-04</Dt></ValDt><AcctSvcrRef>{reference}</AcctSvcrRef>"
                + $"<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>{name}</Nm></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>{remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }

        return xml.Append("</Stmt></BkToCstmrStmt></Document>\n").ToString();
    }

    private async Task<JsonObject> SingleMailToAsync(string email)
    {
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(email)).Count > 0, $"a mail reaches {email}");
        return Assert.Single(await MailsToAsync(email));
    }

    private async Task<IReadOnlyList<JsonObject>> MailsToAsync(string email)
    {
        var mails = (await _server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        return mails.Select(m => m!.AsObject()).Where(m => m["to"]!.AsArray().Any(t => (string?)t == email)).ToArray();
    }

    private Task DrainedAsync() =>
        Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail") == 0, "the receipt-mail queue is worked off");
}
