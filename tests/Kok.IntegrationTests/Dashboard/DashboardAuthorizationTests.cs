using System.Net;
using System.Text;
using Kok.Functions.Staff;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// Every dashboard route: 401 anonymous, 403 for a signed-in principal without the staff role, 200 with it. The
/// <c>X-MS-CLIENT-PRINCIPAL</c> header counts only where <c>Auth:TrustAppServicePrincipal</c> says App Service
/// Authentication sits in front (it strips the header from incoming requests); in DevHost a forged one gets 401.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardAuthorizationTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "api/dashboard/summary?year=2026" },
        { "POST", "api/dashboard/totals/recompute" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task DevHost_answers_401_anonymous_and_to_a_forged_principal_and_200_to_the_dev_token(string method, string path)
    {
        await using var server = await StartAsync(trustPrincipal: false);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, path, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, path, Principal("staff"), null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, path, null, "wrong-token"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(server, method, path, null, DashboardHost.StaffToken));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Behind_App_Service_authentication_the_role_decides(string method, string path)
    {
        await using var server = await StartAsync(trustPrincipal: true);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, path, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(server, method, path, Principal("reader"), null));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(server, method, path, Principal("staff"), null));
    }

    [Fact]
    public async Task A_bad_year_is_a_problem_naming_year()
    {
        await using var server = await StartAsync(trustPrincipal: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/summary?year=twenty");
        request.Headers.Authorization = new("Bearer", DashboardHost.StaffToken);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"year\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<DevHostServer> StartAsync(bool trustPrincipal) => DevHostServer.StartAsync(o =>
    {
        o.OnlyFunctions.Add("GetDashboardSummary");
        o.OnlyFunctions.Add("RecomputeDashboardTotals");
        o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
        o.Settings["Auth:TrustAppServicePrincipal"] = trustPrincipal ? "true" : "false";
    });

    private static async Task<HttpStatusCode> SendAsync(DevHostServer server, string method, string path, string? principal, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (principal is not null)
        {
            request.Headers.Add(StaffAuthorization.PrincipalHeader, principal);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await server.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"roles","val":"{{role}}"},{"typ":"name","val":"Office"},{"typ":"oid","val":"oid-1"}]}"""));
}
