using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Tests.Staff;

/// <summary>The dashboard signs in by cookie, so writes coming from another site's page must be refused.</summary>
public class StaffCrossSiteTests
{
    private static readonly StaffAuthorization Auth = new(new StaffAuthOptions(false, "secret-token", "staff"));

    private static HttpRequest Request(string method, string? origin, string host = "kok.example:7071", string scheme = "http")
    {
        var request = HttpRequests.Create(method);
        request.Scheme = scheme;
        request.Host = new HostString(host);
        request.Headers.Authorization = "Bearer secret-token";
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        return request;
    }

    private static int? Status(StaffAuthResult result) => (result.Failure as ObjectResult)?.StatusCode;

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://kok.example:8080")]
    [InlineData("https://kok.example:7071")]
    [InlineData("null")]
    [InlineData("http://kok.example.evil.example:7071")]
    public void A_post_from_another_origin_is_403_even_with_a_valid_token(string origin)
    {
        var result = Auth.Authorize(Request("POST", origin));

        Assert.False(result.IsAllowed);
        Assert.Equal(403, Status(result));
        var problem = Assert.IsType<ProblemDetails>(((ObjectResult)result.Failure).Value);
        Assert.Equal("Cross-site request refused.", problem.Title);
    }

    [Fact]
    public void A_post_from_the_own_origin_or_without_origin_passes()
    {
        Assert.True(Auth.Authorize(Request("POST", "http://kok.example:7071")).IsAllowed);
        Assert.True(Auth.Authorize(Request("POST", "HTTP://KOK.example:7071")).IsAllowed);
        Assert.True(Auth.Authorize(Request("POST", null)).IsAllowed);
        Assert.True(Auth.Authorize(Request("DELETE", null)).IsAllowed);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public void A_post_the_browser_marks_as_from_another_site_is_403(string fetchSite)
    {
        var request = Request("POST", null);
        request.Headers["Sec-Fetch-Site"] = fetchSite;

        Assert.Equal(403, Status(Auth.Authorize(request)));
    }

    [Fact]
    public void A_same_origin_post_passes_even_when_the_worker_sees_another_host_name()
    {
        // Behind the Functions host the worker may see an internal host; the browser's own statement decides.
        var request = Request("POST", "https://kok.example", host: "127.0.0.1:50123");
        request.Headers["Sec-Fetch-Site"] = "same-origin";

        Assert.True(Auth.Authorize(request).IsAllowed);
    }

    [Fact]
    public void Default_ports_match_a_host_without_port()
    {
        Assert.True(Auth.Authorize(Request("POST", "https://kok.example", "kok.example", "https")).IsAllowed);
        Assert.Equal(403, Status(Auth.Authorize(Request("POST", "https://kok.example:8443", "kok.example", "https"))));
    }

    [Fact]
    public void Behind_a_TLS_ending_front_end_the_forwarded_scheme_counts()
    {
        var request = Request("POST", "https://kok.example", "kok.example", "http");
        Assert.Equal(403, Status(Auth.Authorize(request)));

        request.Headers["X-Forwarded-Proto"] = "https";
        Assert.True(Auth.Authorize(request).IsAllowed);
    }

    [Fact]
    public void Reads_are_not_checked_for_origin()
    {
        Assert.True(Auth.Authorize(Request("GET", "https://evil.example")).IsAllowed);
        Assert.True(Auth.Authorize(Request("HEAD", "https://evil.example")).IsAllowed);
    }

    [Fact]
    public void A_cross_site_post_without_credentials_is_also_refused()
    {
        var request = Request("POST", "https://evil.example");
        request.Headers.Remove("Authorization");

        Assert.Equal(403, Status(Auth.Authorize(request)));
    }
}
