using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// Signing in to "Mein KOK" by mailed link, through DevHost: no answer tells whether an address is known, the link
/// works once and for 30 minutes, opening it signs nobody in (only its form's post does), the session ends after 30
/// idle minutes or on sign-out, and a browser shows only the supporter signed in last.
/// </summary>
public sealed class SignInTests
{
    [Fact]
    public async Task Known_and_unknown_addresses_get_byte_identical_answers_and_only_the_known_one_a_mail()
    {
        await using var host = await MeinKokHost.StartAsync();
        var known = MeinKokHost.NewEmail();
        var unknown = MeinKokHost.NewEmail("nobody");
        await host.DonateAsync(known);

        using var forKnown = await host.RequestLinkAsync(known);
        using var forUnknown = await host.RequestLinkAsync(unknown);

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsByteArrayAsync(), await forUnknown.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers(forKnown), Headers(forUnknown));
        var mail = (await DevHostMembers.MailsToAsync(host.Server, known, 1)).Single();
        Assert.Equal("Ihr Anmeldelink für Mein KOK", (string)mail["subject"]!);
        var all = (await host.Server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        Assert.DoesNotContain(all, m => m!["to"]!.AsArray().Any(t => (string?)t == unknown));
    }

    [Fact]
    public async Task A_malformed_address_or_a_filled_honeypot_is_a_problem_naming_the_field()
    {
        await using var host = await MeinKokHost.StartAsync();

        using var bad = await host.Server.Client.PostAsJsonAsync("api/me/link", new { email = "not-an-address" });
        using var bot = await host.Server.Client.PostAsJsonAsync("api/me/link", new { email = MeinKokHost.NewEmail(), website = "http://spam" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"email\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Contains("\"website\"", await bot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mail_is_in_english_for_a_supporter_who_gave_in_english()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email, locale: "en");

        var link = await host.SignInLinkAsync(email);

        var mail = (await DevHostMembers.MailsToAsync(host.Server, email, 1)).Single();
        Assert.Equal("Your sign-in link for Mein KOK", (string)mail["subject"]!);
        Assert.EndsWith("&lang=en", link.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_link_shows_a_plain_form_and_signs_nobody_in_until_it_is_posted()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var link = await host.SignInLinkAsync(email);
        var browser = host.NewBrowser();

        // A mail scanner's prefetch, twice.
        using var page = await browser.GetAsync(link.PathAndQuery);
        using var again = await browser.GetAsync(link.PathAndQuery);
        using var before = await browser.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form id=\"sign-in\" method=\"post\" action=\"/mein-kok/anmelden?token=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);

        using var signIn = await MeinKokHost.PostSignInAsync(browser, link);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/mein-kok?lang=de", signIn.Headers.Location?.ToString());
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Single((await MeinKokHost.OverviewAsync(browser))["donations"]!.AsArray());
    }

    [Fact]
    public async Task The_link_works_once()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var link = await host.SignInLinkAsync(email);

        using var first = await MeinKokHost.PostSignInAsync(host.NewBrowser(), link);
        var other = host.NewBrowser();
        using var second = await MeinKokHost.PostSignInAsync(other, link);
        using var page = await other.GetAsync(link.PathAndQuery);
        using var overview = await other.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("Er wurde schon einmal benutzt.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
    }

    [Fact]
    public async Task The_link_no_longer_works_after_thirty_minutes()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var link = await host.SignInLinkAsync(email);

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var browser = host.NewBrowser();
        using var signIn = await MeinKokHost.PostSignInAsync(browser, link);

        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("Er war älter als 30 Minuten.", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var overview = await browser.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
    }

    [Fact]
    public async Task A_made_up_or_altered_token_signs_nobody_in()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var link = await host.SignInLinkAsync(email);
        var browser = host.NewBrowser();
        var altered = new Uri(link.ToString().Replace("token=", "token=x", StringComparison.Ordinal));

        using var madeUp = await MeinKokHost.PostSignInAsync(browser, new Uri(host.Server.BaseAddress, "mein-kok/anmelden?token=abc"));
        using var changed = await MeinKokHost.PostSignInAsync(browser, altered);
        using var none = await MeinKokHost.PostSignInAsync(browser, new Uri(host.Server.BaseAddress, "mein-kok/anmelden"));

        Assert.All([madeUp, changed, none], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var overview = await browser.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
    }

    [Fact]
    public async Task Another_site_cannot_post_the_sign_in_form()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var link = await host.SignInLinkAsync(email);
        var browser = host.NewBrowser();

        using var request = new HttpRequestMessage(HttpMethod.Post, link.PathAndQuery) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var crossSite = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        using var afterwards = await MeinKokHost.PostSignInAsync(browser, link);
        Assert.Equal(HttpStatusCode.SeeOther, afterwards.StatusCode);
    }

    [Fact]
    public async Task The_session_ends_after_thirty_idle_minutes_and_lives_on_while_used()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var browser = await host.SignedInBrowserAsync(email);

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await MeinKokHost.OverviewAsync(browser);
        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await MeinKokHost.OverviewAsync(browser);
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        using var idle = await browser.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
        Assert.Equal("application/problem+json", idle.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);
        var browser = await host.SignedInBrowserAsync(email);

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/me/signout");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var signOut = await browser.SendAsync(request);
        using var after = await browser.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Contains("kok_me=;", signOut.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Two_supporters_one_after_the_other_in_one_browser_each_see_only_their_own()
    {
        await using var host = await MeinKokHost.StartAsync();
        var erika = MeinKokHost.NewEmail("erika");
        var max = MeinKokHost.NewEmail("max");
        var erikasDonation = await host.DonateAsync(erika, 30m);
        var erikasMembership = await host.SignUpAsync(erika);
        var maxsDonation = await host.DonateAsync(max, 12m, "monthly");
        var browser = host.NewBrowser();

        using (var first = await MeinKokHost.PostSignInAsync(browser, await host.SignInLinkAsync(erika)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        }

        var erikasView = (await MeinKokHost.OverviewAsync(browser)).ToJsonString();
        using (var second = await MeinKokHost.PostSignInAsync(browser, await host.SignInLinkAsync(max)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        }

        var maxsView = (await MeinKokHost.OverviewAsync(browser)).ToJsonString();

        Assert.Contains(erikasDonation, erikasView, StringComparison.Ordinal);
        Assert.Contains(erikasMembership, erikasView, StringComparison.Ordinal);
        Assert.DoesNotContain(maxsDonation, erikasView, StringComparison.Ordinal);
        Assert.Contains(maxsDonation, maxsView, StringComparison.Ordinal);
        Assert.DoesNotContain(erikasDonation, maxsView, StringComparison.Ordinal);
        Assert.DoesNotContain(erikasMembership, maxsView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_address_sees_all_its_donations_and_its_membership_whatever_the_case_of_the_address()
    {
        await using var host = await MeinKokHost.StartAsync();
        var email = MeinKokHost.NewEmail();
        var once = await host.DonateAsync(email);
        var monthly = await host.DonateAsync(email.ToUpperInvariant(), 10m, "monthly");
        var member = await host.SignUpAsync(email);

        using var asked = await host.RequestLinkAsync(" " + email.ToUpperInvariant());
        var browser = host.NewBrowser();
        using var signIn = await MeinKokHost.PostSignInAsync(browser, MeinKokHost.LinkIn((await DevHostMembers.MailsToAsync(host.Server, email, 1)).Single()));

        var overview = await MeinKokHost.OverviewAsync(browser);
        Assert.Equal(new[] { monthly, once }.Order(), overview["donations"]!.AsArray().Select(d => (string)d!["donationId"]!).Order());
        Assert.Equal(member, (string)overview["memberships"]![0]!["memberId"]!);
    }

    private static string Headers(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => h.Key + ": " + string.Join(",", h.Value)));
}
