using System.Net;
using Kok.DevHost.Web;

namespace Kok.DevHost.Tests;

/// <summary>DevHost's stand-in for App Service Authentication in front of the staff dashboard.</summary>
public sealed class StaffSignInTests : IAsyncLifetime
{
    private const string Token = "signin-test-token";

    private TestDevHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await TestDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["Staff:DevToken"] = Token,
            ["AzureFunctionsJobHost:functions:0"] = "DashboardPage",
            ["AzureFunctionsJobHost:functions:1"] = "DashboardAsset",
            ["AzureFunctionsJobHost:functions:2"] = "GetDashboardSummary",
            ["AzureFunctionsJobHost:functions:3"] = "RecomputeDashboardTotals",
        });

        // Raw HTTP: redirects and cookies are what these tests look at.
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = _host.Client.BaseAddress,
        };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private static HttpRequestMessage Get(string path, string? cookie = null, bool html = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (html)
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{StaffSignIn.CookieName}={cookie}");
        }

        return request;
    }

    private Task<HttpResponseMessage> SignInAsync(string token, string? returnUrl, string? origin = null)
    {
        var fields = new Dictionary<string, string> { ["token"] = token };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/dev/signin") { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return _client.SendAsync(request);
    }

    [Fact]
    public async Task The_sign_in_page_is_a_bilingual_form_that_keeps_the_return_url()
    {
        using var response = await _client.SendAsync(Get("/dev/signin?returnUrl=%2Fdashboard%3Fyear%3D2025"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<label for=\"token\">Dev-Token / <span lang=\"en\">Dev token</span></label>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/dashboard?year=2025\"", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_token_sets_an_http_only_strict_cookie_and_returns_to_the_page()
    {
        using var response = await SignInAsync(Token, "/dashboard?year=2025");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard?year=2025", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var parts = cookie.Split(';', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        Assert.Equal($"{StaffSignIn.CookieName}={Token}", cookie.Split(';')[0]);
        Assert.Contains("httponly", parts);
        Assert.Contains("samesite=strict", parts);
        Assert.Contains("path=/", parts);
    }

    [Fact]
    public async Task A_wrong_token_stays_on_the_sign_in_page_with_an_error_and_no_cookie()
    {
        using var response = await SignInAsync("guess", "/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("id=\"signin-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Das Token stimmt nicht.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("https://evil.example/dashboard")]
    [InlineData("//evil.example/dashboard")]
    [InlineData("/\\evil.example")]
    [InlineData("dashboard")]
    [InlineData("")]
    [InlineData(null)]
    public async Task The_return_url_must_be_a_local_path(string? returnUrl)
    {
        using var response = await SignInAsync(Token, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_from_another_site_is_refused()
    {
        using var response = await SignInAsync(Token, "/dashboard", origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_cookie_becomes_the_bearer_token_for_the_page_and_its_assets()
    {
        using var page = await _client.SendAsync(Get("/dashboard", cookie: Token));
        using var script = await _client.SendAsync(Get("/dashboard/assets/dashboard.js", cookie: Token, html: false));
        using var wrong = await _client.SendAsync(Get("/dashboard", cookie: "guess"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Beitragsübersicht", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task An_authorization_header_the_caller_sent_wins_over_the_cookie()
    {
        using var request = Get("/dashboard", cookie: Token);
        request.Headers.Authorization = new("Bearer", "guess");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_browser_is_sent_to_sign_in_and_api_calls_get_401()
    {
        using var page = await _client.SendAsync(Get("/dashboard?year=2025"));
        using var script = await _client.SendAsync(Get("/dashboard", html: false));
        using var api = await _client.SendAsync(Get("/api/dashboard/summary"));
        using var forged = Get("/dashboard", html: false);
        forged.Headers.Add("X-MS-CLIENT-PRINCIPAL", "eyJjbGFpbXMiOlt7InR5cCI6InJvbGVzIiwidmFsIjoic3RhZmYifV19");
        using var forgedResponse = await _client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dev/signin?returnUrl=%2Fdashboard%3Fyear%3D2025", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
    }

    [Fact]
    public async Task A_write_with_the_cookie_from_another_site_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dashboard/totals/recompute");
        request.Headers.Add("Cookie", $"{StaffSignIn.CookieName}={Token}");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_deletes_the_cookie()
    {
        using var response = await _client.PostAsync("/dev/signout", content: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dev/signin", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(StaffSignIn.CookieName + "=;", cookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
