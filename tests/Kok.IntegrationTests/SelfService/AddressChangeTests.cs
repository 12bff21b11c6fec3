using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// A member sets a new postal address on "Mein KOK", through a DevHost with every function (receipts, dues run, Stripe
/// stand-in) on an Azurite of its own: the next receipt carries it, the receipt issued before stays the archived PDF
/// it was, and a bad address is refused naming the field with nothing written.
/// </summary>
public sealed class AddressChangeTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task The_next_receipt_carries_the_new_address_and_the_earlier_receipt_pdf_is_unchanged()
    {
        await using var host = await MeinKokHost.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.OnlyFunctions.Clear();
        });
        var email = MeinKokHost.NewEmail();
        await DevHostMembers.SignUpAndPayAsync(host.Server, email);
        await DevHostMembers.MailsToAsync(host.Server, email, 2);
        var browser = await host.SignedInBrowserAsync(email, mailCount: 3);
        var first = (JsonObject)(await MeinKokHost.OverviewAsync(browser))["receipts"]!.AsArray().Single()!;
        var firstPdf = await browser.GetByteArrayAsync((string)first["downloadPath"]!);
        Assert.Contains("Heidestraße 17", Text(firstPdf), StringComparison.Ordinal);

        using var bad = await MeinKokHost.PostAsync(browser, "api/me/address", new { address = new { street = " ", postalCode = "1011", city = "Berlin", country = "DE" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["address.postalCode", "address.street"], DonationApi.ErrorFields(await DonationApi.ProblemAsync(bad)).Order());
        Assert.Equal("Heidestraße 17", (string)(await MembershipAsync(browser))["address"]!["street"]!);

        using var changed = await MeinKokHost.PostAsync(browser, "api/me/address", new { address = new { street = "Neue Straße 7", postalCode = "10115", city = "Berlin", country = "DE" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Neue Straße 7", (string)(await MembershipAsync(browser))["address"]!["street"]!);
        var confirmation = (await DevHostMembers.MailsToAsync(host.Server, email, 4))[^1];
        Assert.Equal("Ihre Anschrift wurde geändert", (string)confirmation["subject"]!);

        await DevHostMembers.RunDuesSchedulerAsync(host.Server, host.Clock, new DateTimeOffset(2027, 2, 15, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(host.Server, email, 5);
        await DevHostMembers.RunDuesSchedulerAsync(host.Server, host.Clock, new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(host.Server, email, 6);
        browser = await host.SignedInBrowserAsync(email, mailCount: 7); // a year later: the first session is long over
        JsonArray receipts = [];
        await Eventually.WaitUntilAsync(
            async () => (receipts = (await MeinKokHost.OverviewAsync(browser))["receipts"]!.AsArray()).Count == 2, "the next dues' receipt is issued");

        var next = receipts.Single(r => (string)r!["number"]! != (string)first["number"]!)!;
        var nextText = Text(await browser.GetByteArrayAsync((string)next["downloadPath"]!));
        Assert.Contains("Neue Straße 7", nextText, StringComparison.Ordinal);
        Assert.DoesNotContain("Heidestraße", nextText, StringComparison.Ordinal);
        Assert.Equal(firstPdf, await browser.GetByteArrayAsync((string)first["downloadPath"]!));
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static async Task<JsonObject> MembershipAsync(HttpClient browser) =>
        (JsonObject)(await MeinKokHost.OverviewAsync(browser))["memberships"]!.AsArray().Single()!;
}
