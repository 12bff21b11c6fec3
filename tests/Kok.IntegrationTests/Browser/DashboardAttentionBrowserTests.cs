using System.Text.RegularExpressions;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The dashboard's "Needs attention" section against DevHost: a donation disputed through the Stripe stand-in shows
/// up with its kind, reason, amount and date in words, German and English, and the open count; its link opens the
/// donation; the page with the item passes axe-core at 1280 and 390 px; "mark as done" takes it off the list.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardAttentionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Token = "dashboard-attention-token";

    private DevHostServer _server = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        // The donation is made and disputed through the form's route, the stand-in and the webhook; its mails go out.
        _server = await DashboardBrowser.StartAsync(Token, "CreateDonation", "StripeWebhook", "ReceiptMail");
    }

    public async Task DisposeAsync()
    {
        // The receipt mailer finishes what the dispute asked for, so no message is left for other tests' hosts.
        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(_server.StorageConnectionString, "receipt-mail") == 0, "the receipt mails are sent");
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_disputed_donation_shows_in_needs_attention_in_both_languages_and_goes_when_marked_done()
    {
        var api = new DonationApi(_server);
        var name = "Zoë Anfechtung-Øre " + Guid.NewGuid().ToString("N")[..6];
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 250m, paymentMethod: "sepa_debit", name: name,
            email: $"attention.{Guid.NewGuid():N}@example.org"));
        var paymentIntentId = (string)(await api.CompleteAsync(sessionId, "succeeded"))["paymentIntentId"]!;
        await api.StripeActionAsync($"payments/{paymentIntentId}/dispute", new { reason = "general" });

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(_server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await DashboardBrowser.SignInAsync(page, Token);

        var row = await RowAsync(page, donationId);
        await Expect(row).ToContainTextAsync("Zahlung über die Bank zurückgefordert (noch nicht entschieden)");
        await Expect(row).ToContainTextAsync("ohne Angabe von Gründen");
        await Expect(row).ToContainTextAsync("250,00 €");
        await Expect(row).ToContainTextAsync(new Regex(@"\d{2}\.\d{2}\.\d{4}"));
        await Expect(row.Locator("a[data-action=supporter]")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("attention-count")).ToHaveTextAsync(new Regex(@"^\(\d+ offen\)$"));
        var open = OpenCount(await page.GetByTestId("attention-count").TextContentAsync());
        Assert.True(open >= 1);
        await CheckAsync(page, "attention, de");

        // The supporter's link opens the donation, in words.
        await row.Locator("a[data-action=supporter]").ClickAsync();
        await Expect(page.GetByTestId("donation-dialog")).ToBeVisibleAsync();
        await Expect(page.Locator("#donation-title")).ToHaveTextAsync("Spende von " + name);
        await Expect(page.GetByTestId("donation-body")).ToContainTextAsync("Über die Bank zurückgefordert");
        await Expect(page.GetByTestId("donation-body")).ToContainTextAsync("SEPA-Lastschrift");
        await CheckAsync(page, "attention donation, de");
        await page.GetByTestId("donation-close").ClickAsync();
        await Expect(page.GetByTestId("donation-dialog")).ToBeHiddenAsync();

        await page.GetByTestId("lang-switch").ClickAsync();
        await Expect(row).ToContainTextAsync("Payment reclaimed through the bank (not decided yet)");
        await Expect(row).ToContainTextAsync("no reason given");
        await Expect(row).ToContainTextAsync("€250.00");
        await Expect(page.GetByTestId("attention-count")).ToHaveTextAsync($"({open} open)");
        await CheckAsync(page, "attention, en");

        // Marked done: off the list, one fewer open, and said so.
        var done = row.Locator("button[data-action=done]");
        await Expect(done).ToHaveAccessibleNameAsync(new Regex("^Mark as done – Payment reclaimed through the bank .* " + Regex.Escape(name) + "$"));
        await done.ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync($"“Payment reclaimed through the bank (not decided yet)” for {name} marked as done.");
        await Expect(page.Locator($"#attention tr[data-subject='{donationId}']")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("attention-count")).ToHaveTextAsync($"({open - 1} open)");
        Assert.Empty(errors);
    }

    /// <summary>The item's row, reading further pages while other tests' items come first.</summary>
    private static async Task<ILocator> RowAsync(IPage page, string donationId)
    {
        var row = page.Locator($"#attention tr[data-subject='{donationId}']");
        await Expect(page.GetByTestId("attention-table")).ToBeVisibleAsync();
        while (await row.CountAsync() == 0 && await page.GetByTestId("attention-more").IsVisibleAsync())
        {
            var rows = await page.Locator("#attention tbody tr").CountAsync();
            await page.GetByTestId("attention-more").ClickAsync();
            await Expect(page.Locator("#attention tbody tr")).Not.ToHaveCountAsync(rows);
        }

        await Expect(row).ToBeVisibleAsync();
        return row;
    }

    private static int OpenCount(string? text) => int.Parse(Regex.Match(text ?? string.Empty, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task CheckAsync(IPage page, string label)
    {
        foreach (var width in Accessibility.Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            var full = $"dashboard {label}, {width} px";
            await Accessibility.AssertAccessibleAsync(page, full);
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(BrowserFixture.OutputDirectory, "a11y-" + Regex.Replace(full, "[^A-Za-z0-9]+", "-").Trim('-').ToLowerInvariant() + ".png"),
                FullPage = true,
            });
        }

        await page.SetViewportSizeAsync(Accessibility.Widths[0], 900);
    }
}
