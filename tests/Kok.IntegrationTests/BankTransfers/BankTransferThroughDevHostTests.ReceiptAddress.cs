using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>A donation made from a statement line gets its receipt once staff add the address (issue 18, item 4).</summary>
public sealed partial class BankTransferThroughDevHostTests
{
    [Fact]
    public async Task Staff_add_the_address_of_a_new_donation_from_the_payer_and_its_receipt_is_issued_and_mailed_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var payer = "Adressgeberin " + tag;
        var email = $"adresse-{tag}@example.org";
        var file = Camt053(("CRDT", 42_00, "ADR1" + tag, payer, "DE75512108001245126199", "Spende"));
        using (var imported = await UploadMultipartAsync(file, "address.xml"))
        {
            Assert.Single((await imported.Content.ReadFromJsonAsync<JsonObject>())!["unmatched"]!.AsArray());
        }

        using var decided = await DecideAsync(await UnmatchedIdentityAsync(payer), new { decision = "new_donation" });
        var donationId = (string)(await decided.Content.ReadFromJsonAsync<JsonObject>())!["donationId"]!;

        using var bad = await ReceiptAddressAsync(donationId, new { address = new { street = "Lindenweg 3", postalCode = "", city = "Köln", country = "DE" }, email });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["address.postalCode"]);

        using var added = await ReceiptAddressAsync(donationId, new { address = new { street = "Lindenweg 3", postalCode = "50667", city = "Köln", country = "DE" }, email });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var thanks = await SingleMailToAsync(email);
        Assert.Equal("application/pdf", (string)Assert.Single(thanks["attachments"]!.AsArray())!["type"]!);
        await DrainedAsync();

        var receipt = Assert.Single(await ReceiptsOfAsync(payer));
        Assert.Equal(42_00, (long)receipt["amountCents"]!);
        var text = await PdfTextAsync((string)receipt["pdf"]!);
        Assert.Contains("Lindenweg", text, StringComparison.Ordinal);
        Assert.Contains("50667", text, StringComparison.Ordinal);

        using var second = await ReceiptAddressAsync(donationId, new { address = new { street = "Anderswo 9", postalCode = "10115", city = "Berlin", country = "DE" } });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await DrainedAsync();
        Assert.Single(await ReceiptsOfAsync(payer));
        Assert.Single(await MailsToAsync(email));

        using var unknown = await ReceiptAddressAsync("don_aaaaaaaaaaaaaaaaaaaa", new { address = new { street = "Lindenweg 3", postalCode = "50667", city = "Köln", country = "DE" } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("Lindenweg", _logs.All, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> ReceiptAddressAsync(string donationId, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/donations/{donationId}/receipt-address") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        return await _server.Client.SendAsync(request);
    }

    private async Task<IReadOnlyList<JsonObject>> ReceiptsOfAsync(string donorName)
    {
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Year;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/dashboard/receipts?year={year}&q={Uri.EscapeDataString(donorName)}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        using var response = await _server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["receipts"]!.AsArray()
            .Select(r => r!.AsObject()).Where(r => (string?)r["donorName"] == donorName).ToArray();
    }

    private async Task<string> PdfTextAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        using var response = await _server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
