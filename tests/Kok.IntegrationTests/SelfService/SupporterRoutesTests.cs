using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Kok.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// Every function under <c>api/me</c> but the link form, found by reflection (so a route added later is covered
/// without touching this test): 401 problem without a session, 403 for a cross-site write with one.
/// </summary>
public sealed partial class SupporterRoutesTests
{
    public static TheoryData<string, string, string> Routes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, endpoint) in SupporterFunctions())
        {
            foreach (var method in endpoint.Methods.Where(m => m != "OPTIONS"))
            {
                data.Add(name, method, RouteParameter().Replace(endpoint.Route, "x1"));
            }
        }

        return data;
    }

    [Fact]
    public void The_supporter_routes_include_the_overview_and_sign_out_but_not_the_link_form()
    {
        var names = SupporterFunctions().Select(f => f.Name).ToArray();

        Assert.Contains("SupporterOverview", names);
        Assert.Contains("SupporterChangeDonationAmount", names);
        Assert.Contains("SupporterPauseDonation", names);
        Assert.Contains("SupporterCancelDonation", names);
        Assert.Contains("SupporterChangeMembershipAmount", names);
        Assert.Contains("SignOut", names);
        Assert.Contains("SupporterDataExport", names);
        Assert.Contains("SupporterDataPage", names);
        Assert.Contains("SupporterRequestErasure", names);
        Assert.Contains("SupporterErasureRequest", names);
        Assert.DoesNotContain("RequestSignInLink", names);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_supporter_route_refuses_anonymous_requests_and_cross_site_writes(string function, string method, string path)
    {
        await using var host = await MeinKokHost.StartAsync(moreFunctions: SupporterFunctions().Select(f => f.Name));
        var email = MeinKokHost.NewEmail();
        await host.DonateAsync(email);

        using var anonymous = await host.NewBrowser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.True(HttpStatusCode.Unauthorized == anonymous.StatusCode, $"{function} {method} /{path}: {anonymous.StatusCode}");
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var browser = await host.SignedInBrowserAsync(email);
        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add(header, value);
            using var crossSite = await browser.SendAsync(request);
            var expected = method is "GET" or "HEAD" ? crossSite.StatusCode : HttpStatusCode.Forbidden;
            Assert.True(expected == crossSite.StatusCode, $"{function} {method} /{path} with {header}: {crossSite.StatusCode}");
            Assert.NotEqual(HttpStatusCode.Unauthorized, crossSite.StatusCode);
        }
    }

    private static (string Name, HttpEndpoint Endpoint)[] SupporterFunctions() =>
        typeof(HttpEndpoint).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                        && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, HttpEndpoint.Of(m)))
            .Where(f => f.Item2.IsSupporterOnly)
            .ToArray();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
