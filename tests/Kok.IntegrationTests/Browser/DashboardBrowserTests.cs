using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The office dashboard page in headless Chromium against DevHost on Azurite: sign in through DevHost's form (App
/// Service Authentication's stand-in), the summary as the API reports it, German/English, keyboard use; and the
/// office's errand: find an overdue member, send a reminder, record the bank transfer, download the CSV.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Token = "dashboard-browser-token";

    private readonly List<string> _consoleErrors = [];
    private DevHostServer _server = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        // The reminder and the receipt of a recorded transfer go out through the mail queues.
        _server = await DashboardBrowser.StartAsync(Token, "MemberMail", "ReceiptMail");
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Staff_sign_in_see_the_summary_switch_language_and_reach_every_control_by_keyboard()
    {
        await _page.GotoAsync("/dashboard");
        await _page.WaitForURLAsync("**/dev/signin?returnUrl=%2Fdashboard");
        await _page.GetByLabel("Dev-Token", new() { Exact = false }).FillAsync(Token);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Anmelden / Sign in" }).ClickAsync();
        await _page.WaitForURLAsync("**/dashboard");

        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Beitragsübersicht");
        await Expect(_page).ToHaveTitleAsync("Beitragsübersicht – KOK Geschäftsstelle");
        var summary = await SummaryAsync();
        var year = (int)summary["year"]!;
        await Expect(_page.GetByTestId("status")).ToHaveTextAsync($"Überblick {year} geladen.");
        await Expect(_page.GetByTestId("dues-expected")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^-?[\d.]+,\d\d\s€$"));
        Assert.Equal((long)summary["dues"]!["expectedCents"]!, await CentsAsync("dues-expected"));
        Assert.Equal((long)summary["dues"]!["collectedCents"]!, await CentsAsync("dues-collected"));
        Assert.Equal((long)summary["donations"]!["monthly"]!["sumCents"]!, await CentsAsync("donations-monthly"));
        Assert.Equal((long)summary["members"]!["active"]!, await CentsAsync("members-active"));
        Assert.Equal((long)summary["receiptsIssued"]!, await CentsAsync("receipts"));
        await Expect(_page.GetByTestId("card-dues").Locator("h3")).ToHaveTextAsync($"Beiträge {year}");
        await Expect(_page.GetByTestId("poison-receipt-mail")).ToBeVisibleAsync();
        await Expect(_page.Locator("#chart svg rect.bar-dues")).ToHaveCountAsync(12);
        await Expect(_page.Locator("#chart svg rect.bar-donations")).ToHaveCountAsync(12);
        await Expect(_page.GetByTestId("export-members")).ToHaveAttributeAsync("href", $"/api/dashboard/export/members.csv?year={year}");
        await Screenshot("dashboard-de.png");

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Dues overview");
        await Expect(_page.GetByTestId("card-dues").Locator("h3")).ToHaveTextAsync($"Dues {year}");
        await Expect(_page.GetByTestId("dues-expected")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^-?€[\d,]+\.\d\d$"));
        await Expect(_page.GetByLabel("Year", new() { Exact = true })).ToBeVisibleAsync();
        await _page.ReloadAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Dues overview");
        await Screenshot("dashboard-en.png");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Beitragsübersicht");
        await Expect(_page.GetByLabel("Jahr", new() { Exact = true })).ToBeVisibleAsync();

        // Another year: the cards follow.
        await _page.GetByLabel("Jahr", new() { Exact = true }).SelectOptionAsync((year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(_page.GetByTestId("card-dues").Locator("h3")).ToHaveTextAsync($"Beiträge {year - 1}");

        // Keyboard only, from the top of the page: Tab reaches the main controls in order, Enter works the chart's table switch.
        await _page.ReloadAsync();
        await Expect(_page.GetByTestId("status")).ToHaveTextAsync($"Überblick {year - 1} geladen.");
        var reached = new List<string>();
        for (var i = 0; i < 40 && !reached.Contains("export-donations"); i++)
        {
            await _page.Keyboard.PressAsync("Tab");
            reached.Add(await _page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.dataset.testid || document.activeElement.tagName"));
        }

        Assert.Equal("A", reached[0]);
        string[] controls = ["year", "reload", "lang-switch", "chart-table-toggle", "search-q", "search-submit", "export-members", "export-donations"];
        Assert.All(controls, c => Assert.Contains(c, reached));
        Assert.Equal(controls, reached.Where(controls.Contains).Distinct());
        await _page.Locator("#chart-table-toggle").FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.GetByTestId("chart-table")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("chart-table").Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(_page.Locator("#chart-table-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Screenshot("dashboard.png");

        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Staff_find_an_overdue_member_remind_record_a_bank_transfer_and_download_the_csv()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var email = $"browser.{tag}@example.de";
        var member = await OverdueMembers.SeedAsync($"Bärbel Weiß-Öztürk {tag}", email);
        await SignInAsync();

        // Search finds the member; the row offers what an overdue member needs.
        await _page.GetByTestId("search-q").FillAsync(tag);
        await _page.GetByTestId("search-submit").ClickAsync();
        var row = _page.GetByTestId("search-results").Locator($"tr[data-member='{member.Id}']");
        await Expect(row.GetByTestId("status-" + member.Id)).ToHaveTextAsync("Überfällig");

        // The member's page: details, dues history with the failed charge.
        await row.Locator("button[data-action=details]").ClickAsync();
        await Expect(_page.GetByTestId("member-dialog")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("member-body")).ToContainTextAsync(email);
        await Expect(_page.GetByTestId("member-dues")).ToContainTextAsync("Fehlgeschlagen");
        await Screenshot("dashboard-member.png");
        await _page.Keyboard.PressAsync("Escape");
        await Expect(_page.GetByTestId("member-dialog")).ToBeHiddenAsync();

        // Remind: the mail reaches the SendGrid stand-in.
        await row.Locator("button[data-action=remind]").ClickAsync();
        await Expect(_page.GetByTestId("status")).ToContainTextAsync("Erinnerung an");
        var reminder = Assert.Single(await DevHostMembers.MailsToAsync(_server, email, 1));
        Assert.Contains("Erinnerung", (string)reminder["subject"]!, StringComparison.Ordinal);

        // Record the bank transfer: the member is active again and gets the receipt mail.
        await row.Locator("button[data-action=payment]").ClickAsync();
        await Expect(_page.GetByTestId("payment-dialog")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("payment-amount")).ToHaveValueAsync("60,00");
        await _page.GetByTestId("payment-reference").FillAsync("Überweisung Beitrag " + tag);
        await _page.GetByTestId("payment-submit").ClickAsync();
        await Expect(_page.GetByTestId("payment-dialog")).ToBeHiddenAsync();
        await Expect(row.GetByTestId("status-" + member.Id)).ToHaveTextAsync("Aktiv");
        Assert.Equal(2, (await DevHostMembers.MailsToAsync(_server, email, 2)).Count);
        await row.Locator("button[data-action=details]").ClickAsync();
        await Expect(_page.GetByTestId("member-payments")).ToContainTextAsync("Überweisung Beitrag " + tag);
        // The audit action reads as words, not as its code (member.bank_transfer): issue 13, item 12.
        await Expect(_page.GetByTestId("member-audit")).ToContainTextAsync("Überweisung erfasst");
        await _page.Keyboard.PressAsync("Escape");

        // The members CSV as Excel gets it: BOM, semicolons, the member's name with its umlauts and ß.
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByTestId("export-members").ClickAsync());
        var path = Path.Combine(BrowserFixture.OutputDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Mitgliedsnummer;", text, StringComparison.Ordinal);
        Assert.Contains(text.Split("\r\n"), line => line.StartsWith(member.Id + ";", StringComparison.Ordinal)
            && line.Contains($"Bärbel Weiß-Öztürk {tag}", StringComparison.Ordinal) && line.Contains(";active;", StringComparison.Ordinal));
        Assert.Matches(@"^mitglieder-\d{4}\.csv$", download.SuggestedFilename);

        Assert.Empty(_consoleErrors);
    }

    private Task SignInAsync() => DashboardBrowser.SignInAsync(_page, Token);

    private async Task<JsonObject> SummaryAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/summary");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The digits of a shown number or amount ("1.234,56 €" → 123456; "12" → 12).</summary>
    private async Task<long> CentsAsync(string testId)
    {
        var text = await _page.GetByTestId(testId).InnerTextAsync();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * (text.Contains('-', StringComparison.Ordinal) ? -1 : 1);
    }

    private async Task Screenshot(string fileName) =>
        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.OutputDirectory, fileName),
            FullPage = true,
        });
}
