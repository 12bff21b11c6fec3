using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.IntegrationTests.Dashboard;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The dashboard's privacy section against DevHost on an Azurite of its own: staff see the records overdue for
/// scrubbing (none), ask what erasing a donor with a receipt would do, see the plan in words (German and English),
/// give a reason and confirm, and see the result; the donation is then pseudonymised and its receipt kept, locked.
/// Before that the copy of the data downloads as the readable page and an objection is recorded (then known).
/// The page with the plan passes axe-core at 1280 and 390 px in both languages without horizontal overflow. A
/// supporter's own request from Mein KOK is listed; staff take it into the form, and confirming the erasure closes it.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardPrivacyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..10];
    private AzuriteProcess azurite = null!;
    private DevHostServer server = null!;

    private string Email => $"privacy.ui.{tag}@example.org";

    public async Task InitializeAsync()
    {
        // Each step waits for the server, whose answers took up to 20 s here while other tests kept the test process
        // busy: a generous limit, which costs nothing when the answers are quick.
        SetDefaultExpectTimeout(60_000);
        azurite = await AzuriteProcess.StartAsync();
        server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Staff_see_the_plan_confirm_the_erasure_and_see_what_was_done()
    {
        // A one-time donation wanting a receipt: the receipt is kept, the donation pseudonymised.
        var api = new DonationApi(server);
        var (donationId, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 50m, name: "Erika Sichtbar " + tag, email: Email));
        await api.CompleteAsync(sessionId, "succeeded");
        await Eventually.WaitUntilAsync(
            async () => (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!.Any(m => m!["to"]!.AsArray().Any(t => (string?)t == Email)),
            "the thanks with the receipt is sent");
        await DashboardHost.SettledAsync(server);

        var errors = new List<string>();
        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(server.BaseAddress, 1280, "de-DE"));
        var page = await SignedInStaffPageAsync(context, errors);

        await Expect(page.GetByTestId("privacy-overdue")).ToHaveTextAsync("0 Einträge überfällig für das Löschen nach Ablauf der Aufbewahrungsfrist.");

        // An address that is none is named at its field, and nothing is sent.
        await page.GetByTestId("privacy-email").FillAsync("keine-adresse");
        await page.GetByTestId("privacy-plan").ClickAsync();
        await Expect(page.Locator("#privacy-email-error")).ToHaveTextAsync("Bitte eine E-Mail-Adresse angeben, z. B. name@example.org.");
        await Expect(page.GetByTestId("privacy-email")).ToHaveAttributeAsync("aria-invalid", "true");

        // The copy of the data downloads as the readable page; an objection is recorded once.
        await page.GetByTestId("privacy-email").FillAsync(Email);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("privacy-export").ClickAsync());
        Assert.Equal("kok-auskunft.html", download.SuggestedFilename);
        Assert.Contains("Erika Sichtbar " + tag, await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
        await page.GetByTestId("privacy-object").ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("Widerspruch erfasst");
        await page.GetByTestId("privacy-object").ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("schon ein Widerspruch erfasst");

        // The plan: nothing erased yet, per store in words.
        await ErasureAnsweredAsync(page, () => page.GetByTestId("privacy-plan").ClickAsync());
        var plan = page.GetByTestId("privacy-plan-body");
        await Expect(plan).ToContainTextAsync("Noch ist nichts gelöscht.");
        await Expect(plan).ToContainTextAsync("Gefunden: 1 Spende(n), 0 Mitgliedschaft(en).");
        await Expect(plan.Locator("li[data-store=ReceiptRegister]")).ToHaveTextAsync(
            new Regex(@"^Register der Zuwendungsbestätigungen: 1 Eintrag bleibt gesperrt aufbewahrt bis 31\.12\.\d{4} \(Steuerrecht\), danach wird er gelöscht\.$"));
        await Expect(plan.Locator("li[data-store=Donations]")).ToHaveTextAsync(
            "Spenden: 1 Eintrag bleibt ohne Namen und Adresse (nur Beträge und Daten, für die Summen).");
        await Expect(plan.Locator("li[data-action=delete]").First).ToContainTextAsync("wird gelöscht");
        await Expect(page.GetByTestId("privacy-result")).ToBeEmptyAsync();
        await CheckAsync(page, "privacy plan, de");

        await page.GetByTestId("lang-switch").ClickAsync();
        await Expect(page.GetByTestId("privacy-overdue")).ToHaveTextAsync("0 records overdue for deletion after their retention period.");
        await Expect(plan.Locator("li[data-store=Donations]")).ToHaveTextAsync(
            "Donations: 1 record stays without name and address (amounts and dates only, for the totals).");
        await Expect(page.GetByTestId("privacy-confirm")).ToHaveTextAsync("Erase now, for good");
        await CheckAsync(page, "privacy plan, en");
        await page.GetByTestId("lang-switch").ClickAsync();

        // Confirming asks for the reason first; then the erasure, and what was done.
        await page.GetByTestId("privacy-confirm").ClickAsync();
        await Expect(page.Locator("#privacy-reason-error")).ToHaveTextAsync("Bitte den Grund der Löschung angeben (höchstens 500 Zeichen).");
        await page.GetByTestId("privacy-reason").FillAsync("Brief vom 1. März");
        await page.GetByTestId("privacy-end-now").CheckAsync();
        await ErasureAnsweredAsync(page, () => page.GetByTestId("privacy-confirm").ClickAsync());
        var result = page.GetByTestId("privacy-result");
        await Expect(result).ToContainTextAsync("Erledigt für 1 Spende(n) und 0 Mitgliedschaft(en).");
        await Expect(result.Locator("li[data-store=Donations]")).ToHaveTextAsync("Spenden: bei 1 Eintrag Name und Adresse entfernt.");
        await Expect(result.Locator("li[data-store=ReceiptRegister]")).ToHaveTextAsync(new Regex(@"^Register der Zuwendungsbestätigungen: 1 Eintrag gesperrt aufbewahrt bis 31\.12\.\d{4}\.$"));
        await Expect(page.GetByTestId("privacy-erase")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Die Daten wurden gelöscht; was das Steuerrecht verlangt, bleibt gesperrt aufbewahrt.");
        await CheckAsync(page, "privacy result, de");

        // The server did it: the donation no longer names the donor.
        using var donation = await DashboardHost.SendAsync(server, HttpMethod.Get, $"api/donations/{donationId}");
        Assert.DoesNotContain(Email, await donation.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Staff_take_a_supporters_open_request_into_the_erasure_form_and_confirming_closes_it()
    {
        var api = new DonationApi(server);
        var (_, sessionId) = await api.CreateAsync(DonationApi.Body(amount: 30m, name: "Erika Antrag " + tag, email: Email));
        await api.CompleteAsync(sessionId, "succeeded");
        await DevHostMembers.MailsToAsync(server, Email, 1);
        using (var supporter = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress })
        {
            (await server.Client.PostAsJsonAsync("api/me/link", new { email = Email })).EnsureSuccessStatusCode();
            var link = SelfService.MeinKokHost.LinkIn((await DevHostMembers.MailsToAsync(server, Email, 2))[^1]);
            (await SelfService.MeinKokHost.PostSignInAsync(supporter, link)).Dispose();
            using var asked = await SelfService.MeinKokHost.PostAsync(supporter, "api/me/erasure-request", new { message = "Bitte alles löschen" });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, asked.StatusCode);
        }

        await DashboardHost.SettledAsync(server);
        var errors = new List<string>();
        await using var context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(server.BaseAddress, 1280, "de-DE"));
        var page = await SignedInStaffPageAsync(context, errors);

        var requests = page.GetByTestId("privacy-requests");
        await Expect(requests).ToContainTextAsync(Email + ", eingegangen am");
        await Expect(requests).ToContainTextAsync("Bitte alles löschen");
        await CheckAsync(page, "privacy requests, de");
        await page.GetByTestId("lang-switch").ClickAsync();
        await Expect(requests).ToContainTextAsync(Email + ", received on");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Prepare erasure for " + Email })).ToBeVisibleAsync();
        await CheckAsync(page, "privacy requests, en");
        await page.GetByTestId("lang-switch").ClickAsync();

        await ErasureAnsweredAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Löschen vorbereiten für " + Email }).ClickAsync());
        await Expect(page.GetByTestId("privacy-email")).ToHaveValueAsync(Email);
        await Expect(page.GetByTestId("privacy-plan-body").Locator("li[data-store=ErasureRequests]")).ToContainTextAsync("Anträge auf Löschung aus „Mein KOK“");
        await page.GetByTestId("privacy-reason").FillAsync("Antrag aus Mein KOK");
        await ErasureAnsweredAsync(page, () => page.GetByTestId("privacy-confirm").ClickAsync());
        await Expect(page.GetByTestId("privacy-requests-none")).ToHaveTextAsync("Keine offenen Anträge.");
        await CheckAsync(page, "privacy request closed, de");
        Assert.Empty(errors);
    }

    /// <summary>
    /// Waits for the erase request the click sends, as long as a busy shared machine may need, and fails with the
    /// server's answer when it was not a success (an empty result panel alone would not say why).
    /// </summary>
    /// <summary>A dashboard page signed in as staff, its script errors collected in <paramref name="errors"/>.</summary>
    private static async Task<IPage> SignedInStaffPageAsync(IBrowserContext context, List<string> errors)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        await DashboardBrowser.SignInAsync(page, DashboardHost.StaffToken);
        return page;
    }

    private static async Task ErasureAnsweredAsync(IPage page, Func<Task> click)
    {
        var response = await page.RunAndWaitForResponseAsync(
            click,
            r => r.Request.Method == "POST" && r.Url.Contains("/api/dashboard/privacy/erase", StringComparison.Ordinal),
            new PageRunAndWaitForResponseOptions { Timeout = 90_000 });
        Assert.True(response.Ok, $"The erase request answered {response.Status}: {await response.TextAsync()}");
    }

    private static async Task CheckAsync(IPage page, string label) =>
        await Accessibility.AssertAccessibleAtEveryWidthAsync(page, "dashboard " + label);
}
