using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Receipts;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The receipts page signed in, in German and English, at 1280 and 390 px: the annual preview with a donor left out,
/// the run started and its progress, the receipts found, the correction form with its error; every state passes
/// axe-core without sideways scrolling, and codes read as words. Each case has payment years of its own (2081–2088).
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class ReceiptsPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] RawCodes = ["no_receipt_wanted", "sammelbestaetigung", "einzelbestaetigung", "receipts_blocked", "totalCents"];

    [Theory]
    [InlineData(1280, "de", 2081)]
    [InlineData(1280, "en", 2083)]
    [InlineData(390, "de", 2085)]
    [InlineData(390, "en", 2087)]
    public async Task Staff_preview_start_find_and_correct_receipts_on_an_accessible_page(int width, string lang, int year)
    {
        SetDefaultExpectTimeout(15_000);
        var de = lang == "de";
        var clock = new FakeTimeProvider(new DateTimeOffset(year, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AnnualReceiptsHost.StartAsync(clock, new Dictionary<string, string> { ["Organisation:ExemptionNoticeDate"] = $"{year - 1}-06-01" });
        await host.MonthlyDonorAsync($"page-a-{year}@example.org", year, [3, 4], name: "Jürgen Weißhäupl-Öztürk");
        await host.MonthlyDonorAsync($"page-b-{year}@example.org", year, [5], wantsReceipt: false, name: "Ohne Wunsch");
        clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 9, 8, 0, 0, TimeSpan.Zero));

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(host.Server.BaseAddress, width, de ? "de-DE" : "en-GB"));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var label = $"receipts {width} px {lang}";

        // DevHost sends only /dashboard itself to its sign-in page; in Azure, App Service Authentication does it here too.
        await page.GotoAsync("/dev/signin?returnUrl=%2Fdashboard%2Freceipts");
        await page.GetByLabel("Dev-Token", new() { Exact = false }).FillAsync(DashboardHost.StaffToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden / Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/receipts");
        if (!de)
        {
            await page.GetByTestId("lang-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }

        await CheckAsync(page, $"{label} empty");

        // The preview of the year before: one donor, two payments, one left out.
        await Expect(page.GetByTestId("annual-year")).ToHaveValueAsync($"{year}");
        await page.GetByTestId("preview").ClickAsync();
        await Expect(page.GetByTestId("preview-card")).ToContainTextAsync(de ? "25,00 €" : "€25.00");
        await Expect(page.GetByTestId("left-out")).ToContainTextAsync(de ? "keine Bestätigung gewünscht" : "did not ask for a receipt");
        await CheckAsync(page, $"{label} preview");

        // Start: then the progress shows it done.
        await page.GetByTestId("start").ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync(de ? "Gestartet" : "Started");
        await Eventually.WaitUntilAsync(async () => (await host.ReceiptsAsync(year + 1)).Count == 1, "the receipt");
        await page.GetByTestId("refresh").ClickAsync();
        await Expect(page.GetByTestId("progress-counts")).ToContainTextAsync(de ? "1 erledigt · 0 offen" : "1 done · 0 to do");
        await CheckAsync(page, $"{label} started");

        // Find it, open the correction and send it without a reason.
        await page.GetByTestId("search-year").SelectOptionAsync($"{year + 1}");
        await page.GetByTestId("search-q").FillAsync("Weißhäupl");
        await page.GetByTestId("search-submit").ClickAsync();
        await Expect(page.GetByTestId("receipts").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("receipts")).ToContainTextAsync(de ? "Sammelbestätigung" : "Annual receipt");
        await CheckAsync(page, $"{label} search");

        await page.GetByTestId("correct").ClickAsync();
        await page.GetByTestId("correct-submit").ClickAsync();
        await Expect(page.GetByTestId("correct-error")).ToHaveTextAsync(de ? "Bitte einen Grund angeben." : "Please give a reason.");
        await CheckAsync(page, $"{label} correction form");
        await page.GetByTestId("correct-reason").FillAsync(de ? "Anschrift falsch" : "Wrong address");
        await page.GetByTestId("correct-submit").ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync(de ? "neu ausgestellt" : "reissued");
        await Expect(page.GetByTestId("receipts").Locator("tbody tr")).ToHaveCountAsync(2);
        await CheckAsync(page, $"{label} corrected");

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static async Task CheckAsync(IPage page, string label)
    {
        await Accessibility.AssertAccessibleAsync(page, label);
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var code in RawCodes)
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }
}
