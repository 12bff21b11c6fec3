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
