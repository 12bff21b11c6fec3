using Kok.Functions.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Membership;

namespace Kok.Functions.Tests.Http;

public class PageHeadersTests
{
    [Fact]
    public void The_dashboard_allows_its_own_files_and_nothing_else()
    {
        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            DashboardPageFunction.Headers.ContentSecurityPolicy);
        Assert.Equal("same-origin", DashboardPageFunction.Headers.ReferrerPolicy);
    }

    [Fact]
    public void The_member_pages_allow_their_inlined_stylesheet_by_hash_and_send_no_referrer()
    {
        Assert.Matches("^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$",
            MemberPage.Headers.ContentSecurityPolicy);
        Assert.Equal("no-referrer", MemberPage.Headers.ReferrerPolicy);
    }

    [Fact]
    public void Every_page_answer_gets_the_policy_no_sniffing_no_framing_its_referrer_policy_and_its_cache_control()
    {
        var response = HttpRequests.Create("GET").HttpContext.Response;

        PageHeaders.For("no-referrer", styleSrc: "'sha256-abc='").ApplyTo(response, "no-store");

        Assert.Equal("default-src 'none'; style-src 'sha256-abc='; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }
}
