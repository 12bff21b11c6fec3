using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Privacy;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// Every page a donor or member sees, in headless Chromium against one DevHost: the donation and membership forms
/// (empty, with errors, after a language switch), the success and cancel pages, the member's cancel page (form,
/// confirmation, bad link) and the pay-dues page, each in German and English at 1280 and 390 px through
/// <see cref="Accessibility.AssertAccessibleAsync"/> (axe: 0 violations; no horizontal overflow), with screenshots
/// in the test output; and how the forms' messages behave: they follow the language switch, go when the field is
/// corrected, and say plainly what to do when the service is down, busy or unreachable.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class PublicPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private DevHostServer _server = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _server = await DevHostServer.StartAsync(o =>
        {
            foreach (var function in new[] { "CreateDonation", "CreateMembership", "ShowMembershipCancellation", "CancelMembership", "PayDues", "PaymentMethodPage", "ShowUnsubscribe", "Unsubscribe" })
            {
                o.OnlyFunctions.Add(function);
            }

            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["Organisation:ContactEmail"] = "spenden@example.org";
            o.Settings["Organisation:AddressLines:0"] = "Kurfürstenstraße 33";
            o.Settings["Organisation:AddressLines:1"] = "10785 Berlin";
        });
        _context = await browser.Browser.NewContextAsync(Accessibility.ContextOptions(_server.BaseAddress, 1280, "de-DE"));
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        try
        {
            // Cancelling queues confirmation mails nobody consumes here; other pipeline tests read that queue.
            await _server.Queue(IMemberMailQueue.MemberMailQueueName).ClearMessagesAsync();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing was cancelled, so the queue was never created.
        }

        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("/index.html", "donation form")]
    [InlineData("/membership.html", "membership form")]
    public async Task Forms_pass_the_accessibility_check_empty_with_errors_and_after_a_language_switch(string path, string name)
    {
        await _page.GotoAsync(path + "?lang=de");
        await CheckAsync($"{name}, de, empty");

        await Submit("Weiter zur Zahlung");
        await Expect(_page.Locator("#form-status")).ToHaveTextAsync("Bitte prüfen Sie die markierten Felder.");
        await CheckAsync($"{name}, de, errors");

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("#form-status")).ToHaveTextAsync("Please check the marked fields.");
        await Expect(_page.Locator("#email-error")).ToHaveTextAsync("Please fill this in.");
        await CheckAsync($"{name}, en, errors");

        await _page.GotoAsync(path + "?lang=en");
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await CheckAsync($"{name}, en, empty");
    }

    [Fact]
    public async Task The_donation_form_shows_its_privacy_notice_in_both_languages()
    {
        await _page.GotoAsync("/index.html?lang=de");
        await Expect(_page.Locator("#privacy-notice")).ToContainTextAsync("Datenschutz: Wir speichern Ihre Angaben");
        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("#privacy-notice")).ToContainTextAsync("Privacy: we store your details");
    }

    [Theory]
    [InlineData("/success.html", "Herzlichen Dank!", "Thank you very much!")]
    [InlineData("/cancel.html", "Zahlung abgebrochen", "Payment cancelled")]
    public async Task Result_pages_pass_the_accessibility_check_in_both_languages(string path, string german, string english)
    {
        await _page.GotoAsync(path + "?lang=de");
        await Expect(_page.Locator("h1")).ToHaveTextAsync(german);
        await CheckAsync($"{path}, de");

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync(english);
        await CheckAsync($"{path}, en");
    }

    [Fact]
    public async Task Member_cancel_page_confirmation_bad_link_and_pay_dues_page_pass_the_accessibility_check_in_both_languages()
    {
        var links = _server.Services.GetRequiredService<MemberLinks>();
        var anna = await ActiveMemberAsync("de");
        var ben = await ActiveMemberAsync("en");
        var now = DateTimeOffset.UtcNow;

        // The cancel page, switched by its link (no script), the token kept.
        await _page.GotoAsync(links.CancelUrl(anna, now).PathAndQuery);
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Ihre Fördermitgliedschaft");
        await Expect(_page.Locator("#explanation")).ToContainTextAsync("endet Ihre Mitgliedschaft mit Ablauf des");
        await CheckAsync("member cancel page, de");
        await _page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(_page.Locator("#cancel")).ToHaveTextAsync("Cancel supporting membership");
        await CheckAsync("member cancel page, en");

        // The confirmation, in the language of the page the member cancelled from.
        await _page.ClickAsync("#cancel");
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Cancellation received");
        await Expect(_page.Locator("#result")).ToContainTextAsync("ends at the end of");
        await CheckAsync("member cancel confirmation, en");
        await _page.GotoAsync(links.CancelUrl(ben, now).PathAndQuery);
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();
        await _page.ClickAsync("#cancel");
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Kündigung eingegangen");
        await CheckAsync("member cancel confirmation, de");

        // A bad link: heading in both languages, text in the chosen one.
        var bad = links.CancelUrl(anna, now).PathAndQuery[..^3] + "xyz";
        await _page.GotoAsync(bad);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Link ungültig / Invalid link");
        await CheckAsync("member bad link, de");
        await _page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("#result")).ToHaveTextAsync(new Regex("^This link is not valid"));
        await CheckAsync("member bad link, en");

        // The pay link when there is nothing to pay (the HTML the pay-dues link shows).
        var carla = await ActiveMemberAsync("de");
        await _page.GotoAsync(links.PayDuesUrl(carla, now).PathAndQuery);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Nichts zu zahlen");
        await CheckAsync("pay dues, nothing to pay, de");
        await _page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Nothing to pay");
        await CheckAsync("pay dues, nothing to pay, en");
    }

    [Fact]
    public async Task Payment_method_page_from_the_failed_payment_mail_passes_the_accessibility_check_in_both_languages()
    {
        // The very link the mails carry, from the app's own configuration.
        var links = _server.Services.GetRequiredService<PublicPageLinks>();

        await _page.GotoAsync(links.PaymentMethod(MailLanguage.German).PathAndQuery);
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Neue Zahlungsart mitteilen");
        await Expect(_page.Locator("#contact-email")).ToHaveAttributeAsync("href", "mailto:spenden@example.org");
        await CheckAsync("payment method page, de");
        await _page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(_page.Locator("#contact")).ToContainTextAsync("Please write to our office at spenden@example.org");
        await CheckAsync("payment method page, en");

        await _page.GotoAsync(links.PaymentMethod(MailLanguage.English).PathAndQuery);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Giving us a new payment method");
        await Expect(_page.Locator("#postal-address")).ToContainTextAsync("10785 Berlin");
    }

    [Fact]
    public async Task Unsubscribe_page_its_confirmation_and_a_cut_off_link_pass_the_accessibility_check_in_both_languages()
    {
        // The very link an optional mail carries, from the app's own services.
        var key = _server.Services.GetRequiredService<IMailObjectionKeys>().KeyOf($"abbestellen.{Guid.NewGuid():N}@example.org");
        var link = _server.Services.GetRequiredService<MailObjectionLinks>().Unsubscribe(key, MailLanguage.German);

        await _page.GotoAsync(link.PathAndQuery);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Erinnerungs-E-Mails abbestellen");
        await CheckAsync("unsubscribe page, de");
        await _page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Stop reminder mails");
        await CheckAsync("unsubscribe page, en");
        await Submit("Stop reminder mails");
        await Expect(_page.Locator("#done")).ToContainTextAsync("We no longer send reminders to this address.");
        await CheckAsync("unsubscribe done, en");

        await _page.GotoAsync(link.PathAndQuery);
        await Submit("Erinnerungen abbestellen");
        await Expect(_page.Locator("#done")).ToContainTextAsync("hatte sie schon abbestellt");
        await CheckAsync("unsubscribe done again, de");

        await _page.GotoAsync("/unsubscribe?token=abc&lang=de");
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Dieser Link ist unvollständig");
        await CheckAsync("unsubscribe bad link, de");
    }

    [Fact]
    public async Task Member_page_style_is_allowed_by_its_content_security_policy()
    {
        var memberId = await ActiveMemberAsync("de");
        var link = _server.Services.GetRequiredService<MemberLinks>().CancelUrl(memberId, DateTimeOffset.UtcNow);
        await using var strict = await browser.Browser.NewContextAsync(new() { BaseURL = _server.BaseAddress.ToString() });
        var page = await strict.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(link.PathAndQuery);

        // forms.css lays the header out as a flex row and the facts as a grid; the browser's defaults would not.
        Assert.Equal("flex", await page.EvalOnSelectorAsync<string>("header.bar", "e => getComputedStyle(e).display"));
        Assert.Equal("grid", await page.EvalOnSelectorAsync<string>("dl.facts", "e => getComputedStyle(e).display"));
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Error_messages_follow_the_language_switch_and_go_as_soon_as_the_field_is_corrected()
    {
        await _page.GotoAsync("/index.html?lang=de");
        await Submit("Weiter zur Zahlung");
        var nameError = _page.Locator("#name-error");
        var emailError = _page.Locator("#email-error");
        await Expect(nameError).ToHaveTextAsync("Bitte ausfüllen.");
        await Expect(emailError).ToHaveTextAsync("Bitte ausfüllen.");

        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync("Erika Mustermann");
        await Expect(nameError).ToBeHiddenAsync();
        await Expect(_page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(emailError).ToHaveTextAsync("Bitte ausfüllen.");

        await _page.GetByLabel("E-Mail", new() { Exact = true }).FillAsync("erika@");
        await Expect(emailError).ToHaveTextAsync("Bitte eine gültige E-Mail-Adresse angeben.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(emailError).ToHaveTextAsync("Please enter a valid email address.");
        await Expect(_page.Locator("#form-status")).ToHaveTextAsync("Please check the marked fields.");
        await Expect(_page.Locator("#street-error")).ToHaveTextAsync("Please fill this in.");

        // Unticking the receipt drops the address and its errors.
        await _page.GetByLabel("donation receipt", new() { Exact = false }).UncheckAsync();
        await Expect(_page.Locator("#street-error")).ToBeHiddenAsync();
        await _page.GetByLabel("Email", new() { Exact = true }).FillAsync("erika@example.org");
        await Expect(emailError).ToBeHiddenAsync();
        await Expect(_page.Locator("#form-status")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Server_field_errors_are_shown_in_the_page_language_and_stay_until_their_field_changes()
    {
        await _page.RouteAsync("**/api/memberships", route => route.FulfillAsync(new()
        {
            Status = 400,
            ContentType = "application/problem+json",
            Body = JsonSerializer.Serialize(new
            {
                title = "One or more fields are invalid.",
                status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["address.postalCode"] = [FieldRules.GermanPostalCodeMessage],
                    ["annualAmount"] = ["Must be between 50.00 and 10000.00."],
                },
            }),
        }));
        await _page.GotoAsync("/membership.html?lang=de");
        await _page.FillAsync("#name", "Erika Mustermann");
        await _page.FillAsync("#email", "erika@example.org");
        await _page.FillAsync("#street", "Heidestraße 17");
        await _page.FillAsync("#postalCode", "51147");
        await _page.FillAsync("#city", "Köln");
        await _page.CheckAsync("#privacy");

        await Submit("Weiter zur Zahlung");

        var postalError = _page.Locator("#postalCode-error");
        await Expect(postalError).ToHaveTextAsync("Bitte eine deutsche Postleitzahl mit fünf Ziffern angeben.");
        await Expect(_page.Locator("#annualAmount-error")).ToHaveTextAsync("Bitte einen Betrag von 50,00 € bis 10.000,00 € mit höchstens zwei Nachkommastellen angeben.");
        await Expect(_page.Locator("#postalCode")).ToBeFocusedAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(postalError).ToHaveTextAsync("Please enter a German postcode of five digits.");
        await Expect(_page.Locator("#annualAmount-error")).ToHaveTextAsync("Please enter an amount from €50.00 to €10,000.00 with at most two decimals.");

        await _page.FillAsync("#city", "Köln-Porz");
        await Expect(postalError).ToHaveTextAsync("Please enter a German postcode of five digits.");
        await _page.FillAsync("#postalCode", "51149");
        await Expect(postalError).ToBeHiddenAsync();
        await Expect(_page.Locator("#annualAmount-error")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Service_down_busy_or_unreachable_each_get_a_plain_message_and_the_form_keeps_its_entries()
    {
        var answers = new Queue<Func<IRoute, Task>>(
        [
            route => route.FulfillAsync(new()
            {
                Status = 503, ContentType = "application/problem+json", Headers = new Dictionary<string, string> { ["Retry-After"] = "30" },
                Body = """{"title":"Service unavailable.","status":503}""",
            }),
            route => route.FulfillAsync(new() { Status = 500, Body = string.Empty }),
            route => route.AbortAsync("connectionrefused"),
            route => route.FulfillAsync(new()
            {
                Status = 429, ContentType = "application/problem+json", Headers = new Dictionary<string, string> { ["Retry-After"] = "30" },
                Body = """{"title":"Too many requests.","status":429}""",
            }),
            route => route.FulfillAsync(new()
            {
                Status = 429, ContentType = "application/problem+json", Headers = new Dictionary<string, string> { ["Retry-After"] = "300" },
                Body = """{"title":"Too many requests.","status":429}""",
            }),
        ]);
        await _page.RouteAsync("**/api/donations", route => answers.Dequeue()(route));
        await _page.GotoAsync("/index.html?lang=de");
        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync("Erika Mustermann");
        await _page.GetByLabel("E-Mail", new() { Exact = true }).FillAsync("erika@example.org");
        await _page.GetByLabel("Zuwendungsbestätigung", new() { Exact = false }).UncheckAsync();
        var status = _page.Locator("#form-status");

        await Submit("Weiter zur Zahlung");
        await Expect(status).ToContainTextAsync("Bitte versuchen Sie es in einer Minute noch einmal.");
        await Expect(status).ToBeFocusedAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(status).ToContainTextAsync("Please try again in a minute.");
        await Expect(_page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Erika Mustermann");

        await Submit("Continue to payment");
        await Expect(status).ToContainTextAsync("Please try again in a minute.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Submit("Weiter zur Zahlung");
        await Expect(status).ToHaveTextAsync("Die Verbindung ist fehlgeschlagen. Bitte versuchen Sie es in einer Minute noch einmal.");

        await Submit("Weiter zur Zahlung");
        await Expect(status).ToHaveTextAsync("Zu viele Versuche. Bitte warten Sie 30 Sekunden und versuchen Sie es dann erneut.");
        await Submit("Weiter zur Zahlung");
        await Expect(status).ToHaveTextAsync("Zu viele Versuche. Bitte warten Sie 5 Minuten und versuchen Sie es dann erneut.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Too many attempts. Please wait 5 minutes and try again.");
        Assert.Empty(answers);
    }

    /// <summary>The page at 1280 and at 390 px: the accessibility check and a screenshot each.</summary>
    private async Task CheckAsync(string label)
    {
        foreach (var width in Accessibility.Widths)
        {
            await _page.SetViewportSizeAsync(width, 900);
            var full = $"{label}, {width} px";
            await Accessibility.AssertAccessibleAsync(_page, full);
            await _page.ScreenshotAsync(new()
            {
                Path = Path.Combine(BrowserFixture.OutputDirectory, "pages-" + Regex.Replace(full, "[^A-Za-z0-9]+", "-").Trim('-').ToLowerInvariant() + ".png"),
                FullPage = true,
            });
        }

        await _page.SetViewportSizeAsync(Accessibility.Widths[0], 900);
    }

    private Task Submit(string label) => _page.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();

    /// <summary>A member whose first year's dues are paid, stored directly (no checkout, no mails).</summary>
    private async Task<string> ActiveMemberAsync(string locale)
    {
        var id = _server.Services.GetRequiredService<IIdGenerator>().NewId(Member.IdPrefix);
        var now = DateTimeOffset.UtcNow;
        var member = Member.Create(id, new MembershipRequest(MemberKind.Person, "Anna Beispiel-Langername von Musterhausen", null,
            $"anna.{Guid.NewGuid():N}@example.org", new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000,
            PaymentMethodKind.Card, locale, ListPublicly: false), now);
        member.AttachCheckout(new CheckoutSession("cs_" + id, new Uri("https://checkout.example/cs")));
        member.Apply(new CheckoutCompleted("evt_" + id, now, new Dictionary<string, string> { ["memberId"] = id }, "cs_" + id, id,
            Paid: true, SubscriptionMode: false, "pi_" + id, SubscriptionId: null, "cus_" + id, 6000));
        Assert.True(await _server.Services.GetRequiredService<IMemberRepository>().TryAddAsync(member, default));
        return id;
    }
}
