using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kok.DevHost.Functions;
using Kok.Functions.Dashboard;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The dashboard's "Upload bank statement" section in headless Chromium against DevHost on an Azurite of its own (the
/// unmatched list is everyone's, so other tests' entries would crowd it): upload a camt.053 file, see what was matched
/// and the unmatched entry, mark it "not a donation"; the page passes axe-core at 1280 and 390 px in German and English.
/// </summary>
public sealed class BankStatementBrowserTests(BrowserFixture browser, PrivateAzurite azurite)
    : IClassFixture<BrowserFixture>, IClassFixture<PrivateAzurite>
{
    private const string Token = "dashboard-bank-token";

    [Fact]
    public async Task Upload_a_statement_see_the_unmatched_entry_in_both_languages_and_mark_it_not_a_donation()
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
        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(server.BaseAddress, 1280, "de-DE"));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await DashboardBrowser.SignInAsync(page, Token);
        await Expect(page.GetByTestId("bank-unmatched")).ToContainTextAsync("keine offenen Eingänge");

        await page.GetByLabel("Kontoauszug (XML- oder ZIP-Datei)").SetInputFilesAsync(new FilePayload
        {
            Name = "2026-12-04.xml",
            MimeType = "application/xml",
            Buffer = Encoding.UTF8.GetBytes(Camt053(15_00, "Jürgen Zahlerin", "Zuschuss Landesamt 2026")),
        });
        await page.GetByTestId("bank-upload").ClickAsync();

        await Expect(page.GetByTestId("status")).ToContainTextAsync("0 zugeordnet, 0 schon bekannt, 1 nicht zugeordnet");
        await Expect(page.GetByTestId("bank-left")).ToContainTextAsync("Kein Spendencode");
        var entry = page.GetByTestId("bank-entry");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("15,00 €");
        await Expect(entry).ToContainTextAsync("Jürgen Zahlerin");
        await Expect(entry).ToContainTextAsync("DE12 **** 9890");
        await Expect(entry).ToContainTextAsync("Zuschuss Landesamt 2026");
        Assert.DoesNotContain("DE12500105170648489890", await page.ContentAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "bank statement, de");

        await page.GetByTestId("lang-switch").ClickAsync();
        await Expect(page.Locator("#bank-heading")).ToHaveTextAsync("Upload bank statement");
        await Expect(entry).ToContainTextAsync("€15.00");
        await Expect(page.GetByTestId("bank-result")).ToContainTextAsync("1 payment not matched");
        await CheckAsync(page, "bank statement, en");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Not a donation" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("marked as not a donation");
        await Expect(page.GetByTestId("bank-entry")).ToHaveCountAsync(0);
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

    /// <summary>A camt.053.001.02 day statement with one credit without a reference code.</summary>
    private static string Camt053(long cents, string name, string remittance)
    {
        var euros = string.Create(CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:00}");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"
            + "<BkToCstmrStmt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-12-05T06:00:00+01:00</CreDtTm></GrpHdr>\n"
            + "<Stmt><Id>1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>\n"
            + $"<Ntry><Amt Ccy=\"EUR\">{euros}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-04</Dt></BookgDt><ValDt><Dt>2026-12-04</Dt></ValDt><AcctSvcrRef>BROWSER-1</AcctSvcrRef>"
            + $"<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>{name}</Nm></Dbtr><DbtrAcct><Id><IBAN>DE12500105170648489890</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>{remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
            + "</Stmt></BkToCstmrStmt></Document>\n";
    }
}
