using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.SelfService;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// "My data" in headless Chromium against a DevHost on an Azurite of its own: a member who also donated signs in on
/// "Mein KOK", follows the link to the readable copy of their data, downloads the same copy as a JSON file, and
/// reads the page in English; the page through <see cref="Accessibility.AssertAccessibleAsync"/> at 1280 and 390 px,
/// with screenshots in the test output.
/// </summary>
public sealed class SupporterDataPageBrowserTests(BrowserFixture browser, PrivateAzurite azurite)
    : IClassFixture<BrowserFixture>, IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task A_supporter_opens_my_data_from_mein_kok_reads_it_in_both_languages_and_downloads_the_file()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook", "ReceiptMail", "WelcomeMail", "SupporterDataExport", "SupporterDataPage"]);
        var email = MeinKokHost.NewEmail();
        var memberId = await DevHostMembers.SignUpAndPayAsync(host.Server, email);
        var donations = new DonationApi(host.Server);
        var (donationId, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 40m, email: email));
        await donations.CompleteAsync(sessionId, "succeeded");
        await DevHostMembers.MailsToAsync(host.Server, email, 3);

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        await page.GotoAsync((await host.SignInLinkAsync(email, mailCount: 4)).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.Locator("#overview")).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Meine Daten ansehen" });
        await Expect(link).ToBeVisibleAsync();
        await CheckAsync(page, "mein kok with the my data link, de");

        await link.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ihre Daten bei KOK e.V.", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(donationId);
        await Expect(page.Locator("main")).ToContainTextAsync(memberId);
        await Expect(page.Locator("main")).ToContainTextAsync(email);
        await Expect(page.Locator("#receipts-title")).ToHaveTextAsync("Zuwendungsbestätigungen");
        await CheckAsync(page, "my data, de");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Alle Daten als Datei herunterladen" }).ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsObject();
        Assert.Equal(donationId, (string)file["donations"]![0]!["donationId"]!);
        Assert.Equal(2, file["receipts"]!.AsArray().Count);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data at KOK e.V.", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#receipts-title")).ToHaveTextAsync("Donation receipts");
        await Expect(page.Locator("main")).ToContainTextAsync("€40.00");
        await CheckAsync(page, "my data, en");
    }

    private static Task CheckAsync(IPage page, string label) => Accessibility.AssertAccessibleAtEveryWidthAsync(page, "my data, " + label);
}
