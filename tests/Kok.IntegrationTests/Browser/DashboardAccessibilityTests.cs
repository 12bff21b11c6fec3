using System.Text.Json;
using System.Text.RegularExpressions;
using Kok.Domain.Membership;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The office dashboard signed in, in German and English, on a desktop (1280 px) and a phone (390 px): every state
/// staff meet (the summary with overdue rows, search results, a confirmation after an action, an error, the member's
/// details, a form error, what the recompute found) passes axe-core with no violation and never scrolls sideways; the action buttons stay whole
/// and disabled while their request runs; names, contact persons and codes read as words. Screenshots of each state
/// go to the test output.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Token = "dashboard-a11y-token";

    // Codes the API uses that a person must never read as such.
    private static readonly string[] RawCodes =
    [
        "member.remind", "member.bank_transfer", "dues_staff_reminder", "member_welcome", "dues_charge_failed",
        "receipt-mail", "dues-charge", "member-mail", "status=", "period=", " Cent", " cents", "Already paid",
        "membersOverdue", "duesExpectedCents",
    ];

    private DevHostServer _server = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _server = await DashboardBrowser.StartAsync(Token, "MemberMail");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(1280, "de")]
    [InlineData(1280, "en")]
    [InlineData(390, "de")]
    [InlineData(390, "en")]
    public async Task Every_state_staff_meet_passes_the_accessibility_check_without_sideways_scrolling(int width, string lang)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var member = await OverdueMembers.SeedAsync(
            $"Beratungsstelle für Betroffene von Menschenhandel Weißenfels-Ölmühle e.V. {tag}", $"a11y.{tag}@example.de",
            MemberKind.Organisation, "Bärbel Weiß-Öztürk");
        var de = lang == "de";
        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(_server.BaseAddress, width, de ? "de-DE" : "en-GB"));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser logs the refusals this test provokes (the 409, the 400) as failed loads, and DevHost's sign-in
            // page has no icon.
            if (message.Type == "error" && !Regex.IsMatch(message.Text, "status of (400|409) ") && !message.Location.StartsWith(_server.BaseAddress + "favicon.ico", StringComparison.Ordinal))
            {
                errors.Add(message.Text + " at " + message.Location);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var label = $"dashboard {width} px {lang}";

        await SignInAsync(page, de);

        // The summary with the overdue list.
        await Expect(page.GetByTestId("overdue-table").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dues-in-flight")).ToHaveTextAsync(new Regex("\\d"));
        await Expect(page.GetByTestId("chart-legend")).ToContainTextAsync(de ? "Lastschriften unterwegs" : "Direct debits on their way");
        await CheckAsync(page, $"{label} summary");

        // Search results: the organisation's name and its contact person start at the same left edge.
        await page.GetByTestId("search-q").FillAsync(tag);
        await page.GetByTestId("search-submit").ClickAsync();
        var row = page.GetByTestId("search-results").Locator($"tr[data-member='{member.Id}']");
        await Expect(row.Locator(".contact")).ToHaveTextAsync("Bärbel Weiß-Öztürk");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(de ? "1 Mitglied angezeigt." : "1 member shown.");
        var left = await row.Locator(".name").EvaluateAsync<double>("e => e.getBoundingClientRect().left");
        Assert.Equal(left, await row.Locator(".contact").EvaluateAsync<double>("e => e.getBoundingClientRect().left"), 1);
        Assert.Equal(left, await row.Locator(".member-no").EvaluateAsync<double>("e => e.getBoundingClientRect().left"), 1);
        await CheckAsync(page, $"{label} search");

        // Remind: the button is disabled while the request runs, the confirmation stays after it.
        var remind = row.Locator("button[data-action=remind]");
        var release = new TaskCompletionSource();
        await page.RouteAsync($"**/api/dashboard/members/{member.Id}/remind", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await remind.ClickAsync();
        await Expect(remind).ToBeDisabledAsync();
        await Expect(row.Locator("button[data-action=cancel]")).ToBeEnabledAsync();
        release.SetResult();
        var reminded = de ? $"Erinnerung an {member.Name} wird verschickt." : $"A reminder to {member.Name} is being sent.";
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(reminded);
        await Expect(remind).ToBeEnabledAsync();
        await page.UnrouteAsync($"**/api/dashboard/members/{member.Id}/remind");
        await CheckAsync(page, $"{label} confirmation");

        // A second click within minutes: the 409 names when the last reminder went out, in the page's language.
        await page.RouteAsync($"**/api/dashboard/members/{member.Id}/remind", route => route.FulfillAsync(new()
        {
            Status = 409,
            ContentType = "application/problem+json",
            Body = JsonSerializer.Serialize(new
            {
                type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                title = "Reminded recently.",
                status = 409,
                detail = "Die letzte Erinnerung ging um 09:41 raus / the last reminder went out at 09:41.",
                lastReminderAt = "2047-03-12T08:41:00Z",
            }),
        }));
        await remind.ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync(de
            ? "Die letzte Erinnerung ging am 12.03.2047 um 09:41 Uhr raus."
            : "the last reminder went out on 12/03/2047 at 09:41.");
        await Expect(page.GetByTestId("status")).Not.ToContainTextAsync(de ? "the last reminder" : "Die letzte");
        await page.UnrouteAsync($"**/api/dashboard/members/{member.Id}/remind");
        await CheckAsync(page, $"{label} error");

        // The member's details: the first year heads the dues history; mails and audit read as words.
        await DevHostMembers.MailsToAsync(_server, $"a11y.{tag}@example.de", 1);
        await row.Locator("button[data-action=details]").ClickAsync();
        await Expect(page.GetByTestId("member-dialog")).ToBeVisibleAsync();
        var dues = page.GetByTestId("member-dues");
        await Expect(dues.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(dues.Locator("tbody tr").First).ToContainTextAsync(de ? "1. Jahr" : "Year 1");
        await Expect(dues.Locator("tbody tr").First).ToContainTextAsync(de ? "10.05.2046 – 09.05.2047" : "10/05/2046 – 09/05/2047");
        await Expect(page.GetByTestId("member-audit")).ToContainTextAsync(de ? "Erinnerung verschickt" : "Reminder sent");
        await Expect(page.GetByTestId("member-audit")).ToContainTextAsync(de ? "Status: Überfällig" : "status: Overdue");
        await Expect(page.GetByTestId("member-mails")).ToContainTextAsync(de ? "Erinnerung durch die Geschäftsstelle" : "Reminder sent by the office");
        await CheckAsync(page, $"{label} member detail");
        await AssertNoRawCodesAsync(page);
        await page.GetByTestId("member-close").ClickAsync();
        await Expect(page.GetByTestId("member-dialog")).ToBeHiddenAsync();

        // A bank transfer below the dues: the server's refusal shows at the field, in euros and the page's language.
        await row.Locator("button[data-action=payment]").ClickAsync();
        await page.GetByTestId("payment-amount").FillAsync(de ? "1,00" : "1.00");
        await page.GetByTestId("payment-reference").FillAsync("Teilzahlung " + tag);
        await page.GetByTestId("payment-submit").ClickAsync();
        await Expect(page.Locator("#payment-amount-error")).ToHaveTextAsync(de
            ? "Mindestens der Beitrag für den Zeitraum: 60,00 €."
            : "At least the dues for the period: €60.00.");
        await Expect(page.GetByTestId("payment-amount")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(page, $"{label} form error");
        await AssertNoRawCodesAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("payment-dialog")).ToBeHiddenAsync();

        // Recompute: disabled while it runs, then says in words what it found (the member above was stored without
        // moving the totals, so the overdue count was off) and keeps saying it.
        var recompute = page.GetByTestId("recompute");
        var done = new TaskCompletionSource();
        await page.RouteAsync("**/api/dashboard/totals/recompute", async route =>
        {
            await done.Task;
            await route.ContinueAsync();
        });
        await recompute.ClickAsync();
        await Expect(recompute).ToBeDisabledAsync();
        done.SetResult();
        await Expect(page.GetByTestId("recompute-drift")).ToContainTextAsync(de
            ? "Mitglieder mit überfälligem Beitrag (derzeit): stand bei "
            : "Members with overdue dues (now): was ");
        await Expect(page.GetByTestId("status")).ToContainTextAsync(de ? "Summen neu berechnet" : "Totals recalculated");
        await Expect(recompute).ToBeEnabledAsync();
        await page.UnrouteAsync("**/api/dashboard/totals/recompute");
        await CheckAsync(page, $"{label} recompute");
        await AssertNoRawCodesAsync(page);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static async Task SignInAsync(IPage page, bool german)
    {
        await DashboardBrowser.SignInAsync(page, Token);
        if (!german)
        {
            await page.GetByTestId("lang-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByTestId("status")).ToContainTextAsync("loaded");
        }
    }

    /// <summary>axe-core and no sideways scrolling, the action buttons whole inside their table, and a screenshot.</summary>
    private static async Task CheckAsync(IPage page, string label)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, Slug(label) + ".png"), FullPage = true });
        await Accessibility.AssertAccessibleAsync(page, label);
        var cut = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.table-wrap')].flatMap(wrap => {
              const box = wrap.getBoundingClientRect();
              const wide = wrap.scrollWidth > wrap.clientWidth + 1 ? [wrap.querySelector('table').dataset.testid + ' scrolls sideways'] : [];
              return wide.concat([...wrap.querySelectorAll('button')]
                .filter(b => b.getBoundingClientRect().right > box.right + 0.5)
                .map(b => b.textContent + ' cut off'));
            })
            """);
        Assert.True(cut.Length == 0, $"{label}: {string.Join("; ", cut)}");
    }

    private static async Task AssertNoRawCodesAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        Assert.All(RawCodes, code => Assert.DoesNotContain(code, text, StringComparison.Ordinal));
    }

    private static string Slug(string label) =>
        "a11y-" + new string(label.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
