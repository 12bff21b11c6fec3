using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// A DevHost with the "Mein KOK" functions and the forms that make supporters, on a fake clock, and what a supporter
/// does there: give, ask for a sign-in link, find it in <c>/dev/mail</c>, open it, sign in. Each browser is an
/// <see cref="HttpClient"/> with a cookie jar of its own that follows no redirects.
/// </summary>
internal sealed partial class MeinKokHost : IAsyncDisposable
{
    public static readonly string[] Functions =
        ["CreateDonation", "CreateMembership", "RequestSignInLink", "ShowSignIn", "SignIn", "SignOut", "SupporterOverview", "SupporterReceiptPdf", "SupporterCancelMembership", "MeinKokPage",
         "SupporterChangeDonationAmount", "SupporterPauseDonation", "SupporterCancelDonation", "SupporterChangeMembershipAmount",
         "SupporterChangeDonationPaymentMethod", "SupporterChangeMembershipPaymentMethod", "SupporterChangeAddress", "SupporterRequestErasure", "SupporterErasureRequest"];

    private readonly List<HttpClient> browsers = [];

    private MeinKokHost(DevHostServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public DevHostServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<MeinKokHost> StartAsync(Action<DevHostServerOptions>? configure = null, IEnumerable<string>? moreFunctions = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            foreach (var function in Functions.Concat(moreFunctions ?? []))
            {
                o.OnlyFunctions.Add(function);
            }

            configure?.Invoke(o);
        });
        return new MeinKokHost(server, clock);
    }

    public static string NewEmail(string who = "erika") => $"{who}.{Guid.NewGuid():N}@example.org";

    /// <summary>A browser of its own: own cookie jar, redirects not followed (so the test sees them).</summary>
    public HttpClient NewBrowser()
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Server.BaseAddress,
        };
        browsers.Add(browser);
        return browser;
    }

    /// <summary>A monthly or one-time donation through the form (checkout left open); its id.</summary>
    public async Task<string> DonateAsync(string email, decimal amount = 25m, string interval = "once", string locale = "de")
    {
        var body = DonationApi.Body(amount: amount, interval: interval, email: email);
        body["locale"] = locale;
        var (donationId, _) = await new DonationApi(Server).CreateAsync(body);
        return donationId;
    }

    public async Task<string> SignUpAsync(string email)
    {
        using var response = await Server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp(email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["memberId"]!;
    }

    public Task<HttpResponseMessage> RequestLinkAsync(string email) =>
        Server.Client.PostAsJsonAsync("api/me/link", new { email });

    /// <summary>Asks for a link and returns it from the newest of the <paramref name="mailCount"/> mails to the address.</summary>
    public async Task<Uri> SignInLinkAsync(string email, int mailCount = 1)
    {
        using var response = await RequestLinkAsync(email);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mails = await DevHostMembers.MailsToAsync(Server, email, mailCount);
        return LinkIn(mails[^1]);
    }

    public static Uri LinkIn(JsonObject mail)
    {
        var match = LinkPattern().Match((string)mail["text"]!);
        Assert.True(match.Success, "The mail carries a sign-in link.");
        return new Uri(match.Value);
    }

    /// <summary>Posts the sign-in page's form as the browser would (same origin).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, Uri link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, link.PathAndQuery) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await browser.SendAsync(request);
    }

    public async Task<HttpClient> SignedInBrowserAsync(string email, int mailCount = 1)
    {
        var browser = NewBrowser();
        using var signedIn = await PostSignInAsync(browser, await SignInLinkAsync(email, mailCount));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        return browser;
    }

    /// <summary>A same-origin POST of the page's script (JSON body, or none).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await browser.SendAsync(request);
    }

    public static async Task<JsonObject> OverviewAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        await Server.DisposeAsync();
    }

    [GeneratedRegex(@"https?://[^\s]+/mein-kok/anmelden\?token=[A-Za-z0-9_-]+&lang=(de|en)")]
    private static partial Regex LinkPattern();
}
