using Azure;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// A donor chooses bank transfer on the form (web/index.html): no checkout, the thank-you page shows the account, the
/// amount and the reference code with a copy button and the GiroCode, readable and accessible at both widths.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class TransferSuccessPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private DevHostServer _server = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.OnlyFunctions.Add("GetDonation");
            o.OnlyFunctions.Add("CreateMembership");
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["BankAccount:Holder"] = "KOK e.V.";
            o.Settings["BankAccount:Iban"] = "DE02120300000000202051";
            o.Settings["BankAccount:Bic"] = "BYLADEM1001";
            o.Settings["BankAccount:BankName"] = "Beispielbank";
        });
    }

    public async Task DisposeAsync()
    {
        try
        {
            // The instructions mails go to the receipt-mail and member-mail queues, which nobody consumes here.
            await _server.Queue("receipt-mail").ClearMessagesAsync();
            await _server.Queue("member-mail").ClearMessagesAsync();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing was queued.
        }

        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(1280, "de-DE")]
    [InlineData(390, "en-GB")]
    public async Task A_transfer_donor_sees_account_amount_and_code_with_a_copy_button(int width, string locale)
    {
        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(_server.BaseAddress, width, locale));
        var page = await context.NewPageAsync();
        var german = locale.StartsWith("de", StringComparison.Ordinal);
        await page.GotoAsync("/");

        await page.Locator("input[name=amount]").FillAsync(german ? "30,00" : "30.00");
        await page.Locator("input[name=paymentMethod][value=bank_transfer]").CheckAsync();
        await page.Locator("input[name=name], #name").First.FillAsync("Erika Mustermann");
        await page.Locator("input[type=email]").First.FillAsync("erika-transfer@example.org");
        await page.Locator("input[name=street], #street").First.FillAsync("Kurfürstenstraße 33");
        await page.Locator("input[name=postalCode], #postalCode").First.FillAsync("10785");
        await page.Locator("input[name=city], #city").First.FillAsync("Berlin");
        await page.Locator("button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/success.html?transfer=1");
        await Expect(page.Locator("h1")).ToHaveTextAsync(german ? "Bitte überweisen Sie Ihre Spende" : "Please transfer your donation");
        await Expect(page.Locator("#t-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^KOK-[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        await Expect(page.Locator("#t-iban")).ToHaveTextAsync("DE02 1203 0000 0000 2020 51");
        await Expect(page.Locator("#t-amount")).ToHaveTextAsync("30,00 €");
        await Expect(page.Locator("#t-girocode")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = german ? "Code kopieren" : "Copy code" }).ClickAsync();
        await Expect(page.Locator("#copy-status")).ToHaveTextAsync(german ? "Code kopiert." : "Code copied.");

        await Accessibility.AssertAccessibleAsync(page, $"transfer success page, {width} px, {locale}");
    }

    [Theory]
    [InlineData(1280, "de-DE")]
    [InlineData(390, "en-GB")]
    public async Task A_member_signing_up_by_transfer_sees_account_dues_and_code(int width, string locale)
    {
        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(_server.BaseAddress, width, locale));
        var page = await context.NewPageAsync();
        var german = locale.StartsWith("de", StringComparison.Ordinal);
        await page.GotoAsync("/membership.html");

        await page.Locator("input[name=paymentMethod][value=bank_transfer]").CheckAsync();
        await page.FillAsync("#name", "Erika Mustermann");
        await page.FillAsync("#email", $"erika-member-transfer-{width}@example.org");
        await page.FillAsync("#street", "Kurfürstenstraße 33");
        await page.FillAsync("#postalCode", "10785");
        await page.FillAsync("#city", "Berlin");
        await page.CheckAsync("#privacy");
        await page.Locator("button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/success.html?transfer=1&member=1");
        await Expect(page.Locator("h1")).ToHaveTextAsync(german ? "Bitte überweisen Sie Ihren Jahresbeitrag" : "Please transfer your annual dues");
        await Expect(page.Locator("#t-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^KOK-[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        await Expect(page.Locator("#t-iban")).ToHaveTextAsync("DE02 1203 0000 0000 2020 51");
        await Expect(page.Locator("#t-amount")).ToHaveTextAsync("60,00 €");
        await Expect(page.Locator("#t-girocode")).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='membership.html']")).ToBeVisibleAsync();

        await Accessibility.AssertAccessibleAsync(page, $"membership transfer success page, {width} px, {locale}");
    }
}
