using System.Text.RegularExpressions;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.SelfService;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// "Mein KOK" in headless Chromium against a DevHost on an Azurite of its own: ask for a link on the page, open it
/// from <c>/dev/mail</c>, sign in with the page's button, see the donation and its receipt, download the receipt,
/// switch to English, sign out; ask for erasure (German and English); every page state through <see cref="Accessibility.AssertAccessibleAsync"/> at 1280
/// and 390 px, with screenshots in the test output.
/// </summary>
public sealed class MeinKokBrowserTests(BrowserFixture browser, PrivateAzurite azurite)
    : IClassFixture<BrowserFixture>, IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task Sign_in_from_the_mailed_link_see_and_download_the_receipt_switch_language_and_sign_out()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook", "ReceiptMail"]);
        var email = MeinKokHost.NewEmail();
        var donations = new DonationApi(host.Server);
        var (_, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 40m, email: email));
        await donations.CompleteAsync(sessionId, "succeeded");
        await DevHostMembers.MailsToAsync(host.Server, email, 1);

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/mein-kok");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await CheckAsync(page, "sign-in form, de");

        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmeldelink schicken" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Anmeldelink dorthin geschickt");
        var link = MeinKokHost.LinkIn((await DevHostMembers.MailsToAsync(host.Server, email, 2))[^1]);

        await page.GotoAsync(link.PathAndQuery);
        await CheckAsync(page, "sign-in link page, de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.Locator("#overview")).ToBeVisibleAsync();
        await Expect(page.Locator("#donations")).ToContainTextAsync("40,00");
        await Expect(page.Locator("#mails")).ToContainTextAsync("Danke für Ihre Spende");
        await CheckAsync(page, "overview, de");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#receipts a").First.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await download.PathAsync();
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#donations-title")).ToHaveTextAsync("Your donations");
        await Expect(page.Locator("#donations")).ToContainTextAsync("€40.00");
        await CheckAsync(page, "overview, en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("You are signed out.");
        await page.ReloadAsync();
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await CheckAsync(page, "signed out, en");
    }

    [Fact]
    public async Task A_monthly_donor_changes_the_amount_pauses_and_ends_the_donation_on_the_page_with_the_keyboard()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook"]);
        var email = MeinKokHost.NewEmail();
        var donations = new DonationApi(host.Server);
        var (_, sessionId) = await donations.CreateAsync(DonationApi.Body(amount: 12.50m, interval: "monthly", email: email));
        await donations.CompleteAsync(sessionId, "succeeded");

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync((await host.SignInLinkAsync(email)).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Diese monatliche Spende ändern" })).ToBeVisibleAsync();
        await CheckAsync(page, "monthly donation with its actions, de");

        var amount = page.GetByLabel("Neuer Monatsbetrag in Euro");
        await amount.FillAsync("0.5");
        await amount.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("1 bis 10.000 Euro");
        await CheckAsync(page, "amount refused, de");
        await amount.FillAsync("30");
        await amount.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("Ihre monatliche Spende ist geändert");
        await Expect(page.Locator("#donations")).ToContainTextAsync("30,00");
        await CheckAsync(page, "amount changed, de");

        await page.GetByLabel("Pausieren für").SelectOptionAsync("2");
        await page.GetByLabel("Pausieren für").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("Ihre monatliche Spende ruht");
        await Expect(page.Locator("#donations")).ToContainTextAsync("Pausiert bis");
        await CheckAsync(page, "paused, de");

        await page.GetByRole(AriaRole.Button, new() { Name = "Monatliche Spende beenden" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("endet nach dem laufenden Monat");
        await Expect(page.Locator("#donations")).ToContainTextAsync("Endet nach dem");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Diese monatliche Spende ändern" })).ToHaveCountAsync(0);
        await CheckAsync(page, "ending, de");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#donations")).ToContainTextAsync("Ends after");
        await CheckAsync(page, "ending, en");
        Assert.Equal(3, (await DevHostMembers.MailsToAsync(host.Server, email, 4)).Count(m => ((string)m["subject"]!).Contains("monatliche Spende wurde geändert", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_member_changes_the_annual_fee_on_the_page_with_the_keyboard()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook"]);
        var email = MeinKokHost.NewEmail();
        await DevHostMembers.SignUpAndPayAsync(host.Server, email);

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, 390, "de-DE"));
        var page = await context.NewPageAsync();
        await page.GotoAsync((await host.SignInLinkAsync(email)).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        var fee = page.GetByLabel("Neuer Jahresbeitrag in Euro");
        await Expect(fee).ToBeVisibleAsync();
        await CheckAsync(page, "membership with the fee form, de");

        await fee.FillAsync("40");
        await fee.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("mindestens 50,00");
        await CheckAsync(page, "fee refused, de");
        await fee.FillAsync("80");
        await fee.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("Ihr Jahresbeitrag ist geändert");
        await Expect(page.Locator("#memberships")).ToContainTextAsync("80,00");
        await CheckAsync(page, "fee changed, de");
    }

    [Fact]
    public async Task A_member_sets_up_SEPA_on_the_providers_page_and_back_on_the_page_sees_it_only_as_confirmed()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await MeinKokHost.StartAsync(
            o => o.StorageConnectionString = azurite.ConnectionString,
            moreFunctions: ["StripeWebhook"]);
        var email = MeinKokHost.NewEmail();
        await DevHostMembers.SignUpAndPayAsync(host.Server, email);

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        await page.GotoAsync((await host.SignInLinkAsync(email)).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Zahlungsart ändern" })).ToBeVisibleAsync();
        await CheckAsync(page, "membership with the payment method form, de");

        await page.GetByRole(AriaRole.Button, new() { Name = "Andere Karte oder anderes Konto einrichten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zahlungsart einrichten / Set up a payment method" })).ToBeVisibleAsync();
        await page.GetByLabel("Zahlungsart / Method").SelectOptionAsync("sepa_debit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zahlungsart einrichten / Set up payment method" }).ClickAsync();

        await Expect(page.Locator("#status")).ToContainTextAsync("sobald unser Zahlungsdienstleister sie bestätigt hat");
        await Expect(page.Locator("#memberships")).ToContainTextAsync("SEPA-Lastschrift (Endung 3000)");
        Assert.DoesNotContain("payment-method", page.Url, StringComparison.Ordinal);
        await CheckAsync(page, "payment method set up, de");
    }

    [Fact]
    public async Task A_donor_asks_for_erasure_after_the_confirm_step_and_sees_when_the_request_arrived_in_both_languages()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await MeinKokHost.StartAsync(o => o.StorageConnectionString = azurite.ConnectionString);
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, 390, "de-DE"));
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); dialog.AcceptAsync(); };
        await page.GotoAsync((await host.SignInLinkAsync(email)).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.Locator("#erasure-title")).ToHaveTextAsync("Daten löschen lassen");
        await Expect(page.Locator("#erasure-explained")).ToContainTextAsync("gesetzliche Frist");
        await CheckAsync(page, "erasure form, de");

        await page.GetByLabel("Nachricht an unsere Geschäftsstelle (freiwillig)").FillAsync("Bitte alles löschen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Löschung meiner Daten beantragen" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Ihr Antrag ist eingegangen. Wir haben Ihnen eine Bestätigung gemailt.");
        await Expect(page.Locator("#erasure")).ToContainTextAsync("Ihr Antrag ist eingegangen am 01.03.2026");
        Assert.Contains("Löschung Ihrer Daten beantragen?", Assert.Single(dialogs), StringComparison.Ordinal);
        await CheckAsync(page, "erasure requested, de");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#erasure-title")).ToHaveTextAsync("Have your data erased");
        await Expect(page.Locator("#erasure")).ToContainTextAsync("Your request was received on 1 Mar 2026");
        await CheckAsync(page, "erasure requested, en");
        Assert.Equal("Ihr Antrag auf Löschung Ihrer Daten", (string)(await DevHostMembers.MailsToAsync(host.Server, email, 2))[^1]["subject"]!);
    }

    private static async Task CheckAsync(IPage page, string label)
    {
        foreach (var width in Accessibility.Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            var full = $"mein kok, {label}, {width} px";
            await Accessibility.AssertAccessibleAsync(page, full);
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(BrowserFixture.OutputDirectory, Regex.Replace(full, "[^A-Za-z0-9]+", "-").Trim('-').ToLowerInvariant() + ".png"),
                FullPage = true,
            });
        }

        await page.SetViewportSizeAsync(Accessibility.Widths[0], 900);
    }
}
