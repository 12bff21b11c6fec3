using System.Text;
using System.Text.RegularExpressions;
using Kok.DevHost.Functions;
using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Dashboard;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The dashboard's unmatched statement entries with the two decisions about members and payers, in headless Chromium
/// against DevHost on an Azurite of its own: a partial payment naming a member's dues code comes with the member's
/// number filled in and is assigned to the dues; an entry without a code becomes a new donation from its payer. The
/// page passes axe-core at 1280 and 390 px in German and English.
/// </summary>
public sealed class BankDuesDecisionBrowserTests(BrowserFixture browser, PrivateAzurite azurite)
    : IClassFixture<BrowserFixture>, IClassFixture<PrivateAzurite>
{
    private const string Token = "dashboard-bank-dues-token";

    [Fact]
    public async Task A_partial_dues_payment_is_assigned_to_the_member_and_an_unknown_payer_becomes_a_new_donation()
    {
        SetDefaultExpectTimeout(15_000);
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            foreach (var function in FunctionCatalog.Discover([typeof(DashboardFunctions).Assembly])
                         .Where(f => f.HttpTrigger?.Route?.Contains("dashboard", StringComparison.Ordinal) == true))
            {
                o.OnlyFunctions.Add(function.Name);
            }

            o.OnlyFunctions.Add(DashboardHost.RefreshFunction);
            o.Settings["Staff:DevToken"] = Token;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var members = server.Services.GetRequiredService<IMemberRepository>();
        var member = Member.Create(new RandomIdGenerator().NewId(Member.IdPrefix), new MembershipRequest(
            MemberKind.Person, "Tilda Teilzahlerin", null, "tilda@example.org", new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"),
            6000, PaymentMethodKind.BankTransfer, "de", ListPublicly: false), DateTimeOffset.UtcNow);
        Assert.True(await members.TryAddAsync(member, default));

        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await DashboardBrowser.SignInAsync(page, Token);
        await page.GetByLabel("Kontoauszug (XML- oder ZIP-Datei)").SetInputFilesAsync(new FilePayload
        {
            Name = "2026-12-04.xml",
            MimeType = "application/xml",
            Buffer = Encoding.UTF8.GetBytes(BankTransfers.BankTransferThroughDevHostTests.Camt053(
                ("CRDT", 30_00, "DUES-1", "Tilda Teilzahlerin", "DE12500105170648489890", "Beitrag " + member.DuesTransferCode!.Value),
                ("CRDT", 20_00, "NEW-1", "Nora Neuspenderin", "DE12500105170648489890", "fuer eure Arbeit"))),
        });
        await page.GetByTestId("bank-upload").ClickAsync();

        await Expect(page.GetByTestId("status")).ToContainTextAsync("0 zugeordnet, 0 schon bekannt, 2 nicht zugeordnet");
        await Expect(page.GetByTestId("bank-left")).ToContainTextAsync("Teilzahlung");
        var partial = page.GetByTestId("bank-entry").Filter(new() { HasText = "Tilda Teilzahlerin" });
        await Expect(partial.GetByTestId("bank-member-id")).ToHaveValueAsync(member.Id);
        await Expect(partial.GetByLabel("Mitgliedsnummer (mem_…)")).ToHaveValueAsync(member.Id);
        await CheckAsync(page, "bank dues decisions, de");

        await page.GetByTestId("lang-switch").ClickAsync();
        await Expect(partial.GetByRole(AriaRole.Button, new() { Name = "Assign to this member's dues" })).ToBeVisibleAsync();
        await CheckAsync(page, "bank dues decisions, en");

        await partial.GetByRole(AriaRole.Button, new() { Name = "Assign to this member's dues" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("assigned to the member's dues");
        await Expect(page.GetByTestId("bank-entry")).ToHaveCountAsync(1);
        Assert.Equal(MembershipStatus.Active, (await members.GetAsync(member.Id, default))!.Member.Status);

        await page.GetByTestId("bank-entry").GetByRole(AriaRole.Button, new() { Name = "New donation from this payer" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("recorded as a new donation");
        await Expect(page.GetByTestId("bank-unmatched")).ToContainTextAsync("no open payments");
        Assert.Empty(errors);
    }

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
    }
}
