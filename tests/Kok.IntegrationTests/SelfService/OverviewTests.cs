using System.Net;
using System.Net.Http.Json;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// <c>GET /api/me</c> and the receipt download through DevHost with the receipt mail pipeline running (on an Azurite
/// of its own, as it consumes queues): a paid one-time donation's receipt is listed with a link that serves the
/// archived PDF itself (the very bytes attached to the thank-you mail), the thank-you mail is listed with its subject
/// and date, and nobody else can download that receipt.
/// </summary>
public sealed class OverviewTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task A_donor_sees_the_receipt_and_the_mail_and_downloads_the_archived_pdf_which_nobody_else_can()
    {
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook", "ReceiptMail"]);
        var email = MeinKokHost.NewEmail();
        var other = MeinKokHost.NewEmail("max");
        var donations = new DonationApi(host.Server);
        var (donationId, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 40m, email: email));
        await donations.CompleteAsync(sessionId, "succeeded");
        await host.DonateAsync(other);
        var thankYou = (await DevHostMembers.MailsToAsync(host.Server, email, 1)).Single();
        var attachment = await host.Server.Client.GetByteArrayAsync($"dev/mail/{(string)thankYou["id"]!}/attachments/0");

        var browser = await host.SignedInBrowserAsync(email, mailCount: 2);
        var overview = await MeinKokHost.OverviewAsync(browser);

        var donation = overview["donations"]!.AsArray().Single()!;
        Assert.Equal(donationId, (string)donation["donationId"]!);
        Assert.Equal(4000, (long)donation["payments"]![0]!["amountCents"]!);
        var receipt = overview["receipts"]!.AsArray().Single()!;
        Assert.Equal(4000, (long)receipt["amountCents"]!);
        var mail = overview["mails"]!.AsArray().Single()!;
        Assert.Equal("donation_thank_you", (string)mail["kind"]!);
        Assert.Equal("Danke für Ihre Spende", (string)mail["subject"]!);
        Assert.NotNull(mail["sentAt"]);

        var path = (string)receipt["downloadPath"]!;
        using var pdf = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(attachment, await pdf.Content.ReadAsByteArrayAsync());

        var stranger = await host.SignedInBrowserAsync(other);
        using var refused = await stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Empty((await MeinKokHost.OverviewAsync(stranger))["receipts"]!.AsArray());
    }

    [Fact]
    public async Task A_member_cancels_on_the_page_as_by_the_link_gets_the_confirmation_mail_and_nobody_else_can()
    {
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook", "ReceiptMail", "WelcomeMail", "MemberMail"]);
        var email = MeinKokHost.NewEmail();
        var other = MeinKokHost.NewEmail("max");
        var memberId = await DevHostMembers.SignUpAndPayAsync(host.Server, email);
        await host.DonateAsync(other);
        var before = (await DevHostMembers.MailsToAsync(host.Server, email, 2)).Count; // fee receipt and welcome

        var stranger = await host.SignedInBrowserAsync(other);
        using var foreign = await Post(stranger, $"api/me/memberships/{memberId}/cancel");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var browser = await host.SignedInBrowserAsync(email, before + 1);
        using var cancel = await Post(browser, $"api/me/memberships/{memberId}/cancel");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var answer = (await cancel.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        Assert.Equal("cancelling", (string)answer["status"]!);
        Assert.NotNull(answer["endsOn"]);

        var mails = await DevHostMembers.MailsToAsync(host.Server, email, before + 2);
        Assert.EndsWith("ist gekündigt", (string)mails[^1]["subject"]!, StringComparison.Ordinal);
        var membership = (await MeinKokHost.OverviewAsync(browser))["memberships"]![0]!;
        Assert.Equal("cancelling", (string)membership["status"]!);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient browser, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await browser.SendAsync(request);
    }
}
