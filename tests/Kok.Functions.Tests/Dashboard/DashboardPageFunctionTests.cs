using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kok.Functions.Dashboard;
using Kok.Functions.Staff;
using Kok.Functions.Tests.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Tests.Dashboard;

public partial class DashboardPageFunctionTests
{
    private const string Token = "page-token";

    private static Hosted Function(bool trustPrincipal = false) => new(new WorkerPipeline(new StaffAuthOptions(trustPrincipal, Token, "staff")));

    private static HttpRequest Get(string? token = Token, string accept = "text/html")
    {
        var request = HttpRequests.Create("GET", contentType: null);
        request.Headers.Accept = accept;
        if (token is not null)
        {
            request.Headers.Authorization = "Bearer " + token;
        }

        return request;
    }

    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = new[] { new { typ = "roles", val = role }, new { typ = "name", val = "Office" } },
    })));

    [Fact]
    public void Staff_get_the_german_page_with_a_strict_content_security_policy()
    {
        var request = Get();

        var result = Assert.IsType<ContentResult>(Function().Page(request));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.Contains("<html lang=\"de\">", result.Content, StringComparison.Ordinal);
        Assert.Contains("<title data-i18n=\"title\">Beitragsübersicht – KOK Geschäftsstelle</title>", result.Content, StringComparison.Ordinal);
        Assert.Contains(">Beitragsübersicht</h1>", result.Content, StringComparison.Ordinal);
        var headers = request.HttpContext.Response.Headers;
        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("no-cache", headers.CacheControl.ToString());
        Assert.Equal("nosniff", headers["X-Content-Type-Options"].ToString());
    }

    [Fact]
    public void The_page_has_no_inline_script_or_style_and_links_versioned_assets()
    {
        var html = Assert.IsType<ContentResult>(Function().Page(Get())).Content!;

        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.Matches(AssetLink(), html);
        foreach (Match script in ScriptTag().Matches(html))
        {
            Assert.Contains("src=\"/dashboard/assets/dashboard.js?v=", script.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Anonymous_is_401_and_a_wrong_token_too()
    {
        Assert.Equal(401, Assert.IsType<ObjectResult>(Function().Page(Get(token: null))).StatusCode);
        Assert.Equal(401, Assert.IsType<ObjectResult>(Function().Page(Get(token: "guess"))).StatusCode);
        Assert.Equal(401, Assert.IsType<ObjectResult>(Function().AssetFile(Get(token: null), "dashboard.js")).StatusCode);
    }

    [Fact]
    public void Behind_App_Service_authentication_a_principal_without_the_role_is_403()
    {
        var request = Get(token: null);
        request.Headers[StaffAuthorization.PrincipalHeader] = Principal("reader");

        Assert.Equal(403, Assert.IsType<ObjectResult>(Function(trustPrincipal: true).Page(request)).StatusCode);
    }

    [Fact]
    public void Behind_App_Service_authentication_an_anonymous_browser_is_sent_to_sign_in_and_a_script_gets_401()
    {
        var browser = Function(trustPrincipal: true).Page(Get(token: null));
        var script = Function(trustPrincipal: true).Page(Get(token: null, accept: "application/json"));

        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/dashboard", Assert.IsType<RedirectResult>(browser).Url);
        Assert.Equal(401, Assert.IsType<ObjectResult>(script).StatusCode);
        Assert.Equal(401, Assert.IsType<ObjectResult>(Function().Page(Get(token: null))).StatusCode);
    }

    [Theory]
    [InlineData("dashboard.js", "text/javascript; charset=utf-8", "KOK office dashboard")]
    [InlineData("dashboard.css", "text/css; charset=utf-8", "KOK office dashboard")]
    [InlineData("favicon.svg", "image/svg+xml", "<svg")]
    public void Assets_come_with_their_content_type_and_the_same_policy(string name, string contentType, string content)
    {
        var request = Get();

        var result = Assert.IsType<FileContentResult>(Function().AssetFile(request, name));

        Assert.Equal(contentType, result.ContentType);
        Assert.Contains(content, Encoding.UTF8.GetString(result.FileContents), StringComparison.Ordinal);
        Assert.Equal(DashboardPageFunction.ContentSecurityPolicy, request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("no-cache", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void An_asset_asked_for_by_its_current_version_may_be_kept_long()
    {
        var html = Assert.IsType<ContentResult>(Function().Page(Get())).Content!;
        var version = AssetLink().Match(html).Groups["v"].Value;
        var request = Get();
        request.QueryString = new QueryString("?v=" + version);

        Assert.IsType<FileContentResult>(Function().AssetFile(request, "dashboard.css"));

        Assert.Equal("private, max-age=31536000, immutable", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Theory]
    [InlineData("dashboard.html")]
    [InlineData("../Kok.Functions.dll")]
    [InlineData("other.js")]
    public void Anything_else_under_assets_is_404(string name)
    {
        Assert.Equal(404, Assert.IsType<ObjectResult>(Function().AssetFile(Get(), name)).StatusCode);
    }

    /// <summary>The page functions as the hosts run them: inside the worker middleware, whose staff guard answers first.</summary>
    private sealed class Hosted(WorkerPipeline pipeline)
    {
        public IActionResult Page(HttpRequest request) =>
            Run(request, nameof(DashboardPageFunction.Page), () => DashboardPageFunction.Page(request));

        public IActionResult AssetFile(HttpRequest request, string name) =>
            Run(request, nameof(DashboardPageFunction.AssetFile), () => DashboardPageFunction.AssetFile(request, name));

        private IActionResult Run(HttpRequest request, string method, Func<IActionResult> function) =>
            pipeline.RunAsync(request, typeof(DashboardPageFunction), method, () => Task.FromResult(function())).GetAwaiter().GetResult();
    }

    [GeneratedRegex("href=\"/dashboard/assets/dashboard\\.css\\?v=(?<v>[0-9a-f]{12})\"")]
    private static partial Regex AssetLink();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
