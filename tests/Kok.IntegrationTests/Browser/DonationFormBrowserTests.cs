using Azure;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The donation form (web/index.html) in headless Chromium against DevHost on Azurite: what a donor sees and does,
/// through the Stripe stand-in's checkout page to the thank-you page, and what the backend stored.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DonationFormBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private DevHostServer _server = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private int _donationPosts;

    public async Task InitializeAsync()
    {
        // Playwright's 5 s default is tight on a shared two-core machine; waits still end as soon as the condition holds.
        SetDefaultExpectTimeout(15_000);
        _server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.OnlyFunctions.Add("GetDonation");
            o.OnlyFunctions.Add("StripeWebhook");
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });

        // A German browser: headless Chromium reports en-US, and the form follows the browser's language.
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseAddress.ToString(),
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 1000, Height = 900 },
        });
        _page = await _context.NewPageAsync();
        _page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/api/donations")
            {
                Interlocked.Increment(ref _donationPosts);
            }
        };
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        try
        {
            // The flow queues receipt mails nobody consumes here; the other pipeline tests peek that queue (32 at most).
            await _server.Queue("receipt-mail").ClearMessagesAsync();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No donation was paid, so the queue was never created.
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Donor_fills_the_form_pays_on_checkout_and_the_donation_is_paid()
    {
        await _page.GotoAsync("/");
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Spenden gegen Menschenhandel");

        await _page.GetByLabel("Betrag in Euro", new() { Exact = true }).FillAsync("42,50");
        await _page.GetByLabel("monatlich", new() { Exact = true }).CheckAsync();
        await _page.GetByLabel("Kreditkarte", new() { Exact = true }).CheckAsync();
        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync("Erika Mustermann");
        await _page.GetByLabel("E-Mail", new() { Exact = true }).FillAsync("erika@example.org");
        await Expect(_page.GetByLabel("Zuwendungsbestätigung", new() { Exact = false })).ToBeCheckedAsync();
        await _page.GetByLabel("Straße und Hausnummer", new() { Exact = true }).FillAsync("Kurfürstenstraße 33");
        await _page.GetByLabel("PLZ", new() { Exact = true }).FillAsync("10785");
        await _page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Berlin");
        await _page.GetByLabel("Land", new() { Exact = true }).SelectOptionAsync("DE");
        await Screenshot("donation-form-filled.png");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Zahlung" }).ClickAsync();

        await _page.WaitForURLAsync("**/dev/stripe/checkout/**");
        await Expect(_page.Locator("#amount")).ToHaveTextAsync("42,50 EUR");
        await Expect(_page.Locator("#interval")).ToHaveTextAsync("monatlich / monthly");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Zahlung erfolgreich / Payment succeeds" }).ClickAsync();

        await _page.WaitForURLAsync("**/success.html?**");
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Herzlichen Dank!");
        await Screenshot("donation-success.png");

        var donationId = QueryValue(_page.Url, "donationId");
        var api = new DonationApi(_server);
        var donation = await api.GetAsync(donationId);
        Assert.Equal("paid", (string)donation["status"]!);
        Assert.Equal(4250, (long)donation["amountCents"]!);
        Assert.Equal("monthly", (string)donation["interval"]!);
        Assert.Equal("card", (string)donation["paymentMethod"]!);
        Assert.True((bool)donation["wantsReceipt"]!);
        var payment = Assert.Single(donation["payments"]!.AsArray())!;
        Assert.Equal("paid", (string)payment["status"]!);
        Assert.Single(await api.ReceiptMessagesAsync(donationId));
        Assert.Equal(1, _donationPosts);
    }

    [Fact]
    public async Task Invalid_email_shows_an_error_and_sends_nothing()
    {
        await _page.GotoAsync("/");
        await FillValidForm();
        var email = _page.GetByLabel("E-Mail", new() { Exact = true });
        await email.FillAsync("erika@example");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Zahlung" }).ClickAsync();

        await Expect(_page.Locator("#email-error")).ToHaveTextAsync("Bitte eine gültige E-Mail-Adresse angeben.");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToBeFocusedAsync();
        await Expect(_page.Locator("#form-status")).ToHaveTextAsync("Bitte prüfen Sie die markierten Felder.");
        await Expect(_page.Locator("#name-error")).ToBeHiddenAsync();
        await Screenshot("donation-form-invalid-email.png");
        Assert.EndsWith("/", new Uri(_page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, _donationPosts);
    }

    [Fact]
    public async Task Language_switch_changes_the_texts_to_english()
    {
        await _page.GotoAsync("/");
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "de");

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Donate against human trafficking");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" })).ToBeVisibleAsync();
        await Expect(_page.GetByLabel("Amount in euros", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(_page.GetByLabel("Credit card", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(_page.GetByLabel("Country", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Germany");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" })).ToBeVisibleAsync();

        // Messages follow the language too.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await Expect(_page.Locator("#name-error")).ToHaveTextAsync("Please fill this in.");

        // The choice is remembered for the next page.
        await _page.ReloadAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Donate against human trafficking");
        Assert.Equal(0, _donationPosts);
    }

    [Fact]
    public async Task Enter_submits_the_form_and_focus_goes_to_the_first_invalid_field()
    {
        await _page.GotoAsync("/");
        var name = _page.GetByLabel("Name", new() { Exact = true });
        var email = _page.GetByLabel("E-Mail", new() { Exact = true });
        await email.FillAsync("not-an-email");

        await email.PressAsync("Enter");

        await Expect(name).ToBeFocusedAsync();
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, _donationPosts);

        // Typing on from the focused field, keyboard only, fixes the form; Enter sends it.
        await _page.Keyboard.TypeAsync("Erika Mustermann");
        await _page.Keyboard.PressAsync("Tab");
        await Expect(email).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("ControlOrMeta+A");
        await _page.Keyboard.TypeAsync("erika@example.org");
        await FillAddress();
        await _page.GetByLabel("Ort", new() { Exact = true }).PressAsync("Enter");

        await _page.WaitForURLAsync("**/dev/stripe/checkout/**");
        await Expect(_page.Locator("#amount")).ToHaveTextAsync("25,00 EUR");
        Assert.Equal(1, _donationPosts);
    }

    private async Task FillValidForm()
    {
        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync("Erika Mustermann");
        await _page.GetByLabel("E-Mail", new() { Exact = true }).FillAsync("erika@example.org");
        await FillAddress();
    }

    private async Task FillAddress()
    {
        await _page.GetByLabel("Straße und Hausnummer", new() { Exact = true }).FillAsync("Kurfürstenstraße 33");
        await _page.GetByLabel("PLZ", new() { Exact = true }).FillAsync("10785");
        await _page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Berlin");
    }

    private async Task Screenshot(string fileName) =>
        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.OutputDirectory, fileName),
            FullPage = true,
        });

    private static string QueryValue(string url, string key)
    {
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.True(query.TryGetValue(key, out var values), $"{key} missing in {url}");
        return Assert.Single(values.ToArray())!;
    }
}
