using Kok.Domain.Membership;
using Kok.IntegrationTests.Browser;
using Microsoft.Playwright;

namespace Kok.IntegrationTests.Membership;

/// <summary>A person joins in headless Chromium: the form, the stand-in's checkout page, the success page.</summary>
public sealed class MembershipBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Fill_the_form_pay_on_the_stand_in_and_land_on_the_success_page()
    {
        await using var host = await MembershipTestHost.StartAsync(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "de-DE" });
        var email = $"browser.{Guid.NewGuid():N}@example.de";

        await page.GotoAsync(host.BaseUrl + "/index.html");
        await page.ClickAsync("#to-membership");
        await page.WaitForURLAsync("**/membership.html");
        Assert.Contains("kein Stimmrecht", await page.InnerTextAsync("#explain"), StringComparison.Ordinal);
        Assert.Contains("50,00", await page.InnerTextAsync("#explain"), StringComparison.Ordinal);

        await page.CheckAsync("input[name=kind][value=group]");
        Assert.True(await page.IsVisibleAsync("#contactPerson"));
        await page.FillAsync("#name", "Initiative Nord");
        await page.FillAsync("#contactPerson", "Erika Mustermann");
        await page.FillAsync("#email", email);
        await page.FillAsync("#street", "Heidestraße 17");
        await page.FillAsync("#postalCode", "51147");
        await page.FillAsync("#city", "Köln");
        await page.CheckAsync("input[name=paymentMethod][value=card]");

        // Without consent the form refuses before sending.
        await page.ClickAsync("button[type=submit]");
        Assert.NotEmpty(await page.InnerTextAsync("#privacy-error"));

        await page.CheckAsync("#privacy");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "membership-form.png"), FullPage = true });
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/dev/stripe/checkout/**");
        Assert.Contains("60,00", await page.InnerTextAsync("#amount"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "membership-checkout.png") });

        await page.ClickAsync("button[value=succeeded]");
        await page.WaitForURLAsync("**/success.html?**");
        Assert.Equal("Willkommen als Fördermitglied!", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "membership-success.png") });

        var memberId = new Uri(page.Url).Query.Split('&', '?').First(p => p.StartsWith("memberId=", StringComparison.Ordinal))["memberId=".Length..];
        var member = (await host.Service<IMemberRepository>().GetAsync(memberId, default))!.Member;
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(MemberKind.Group, member.Kind);
        Assert.Equal("Erika Mustermann", member.ContactPerson);
    }
}
