using System.Net;
using System.Text;
using System.Net.Http.Json;
using Kok.DevHost.Functions;
using Kok.Functions.Dashboard;
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

    /// <summary>
    /// Every staff route with the status it answers staff. <c>{member}</c> stands for a member seeded overdue for the
    /// case, so each action finds something to act on; the requeue names a queue no test parks messages in.
    /// </summary>
    public static TheoryData<string, string, HttpStatusCode> Routes => new()
    {
        { "GET", "dashboard", HttpStatusCode.OK },
        { "GET", "dashboard/assets/dashboard.js", HttpStatusCode.OK },
        { "GET", "api/dashboard/summary?year=2026", HttpStatusCode.OK },
        { "POST", "api/dashboard/totals/recompute", HttpStatusCode.OK },
        { "GET", "api/dashboard/members?status=overdue&year=2047", HttpStatusCode.OK },
        { "GET", "api/dashboard/donations?year=2047", HttpStatusCode.OK },
        { "GET", "api/dashboard/export/members.csv?year=2047", HttpStatusCode.OK },
        { "GET", "api/dashboard/export/donations.csv?year=2047", HttpStatusCode.OK },
        { "GET", "api/dashboard/members/{member}", HttpStatusCode.OK },
        { "POST", "api/dashboard/members/{member}/remind", HttpStatusCode.Accepted },
        { "POST", "api/dashboard/members/{member}/payments", HttpStatusCode.Created },
        { "POST", "api/dashboard/members/{member}/cancel", HttpStatusCode.OK },
        { "POST", "api/dashboard/mail/poison/welcome-mail/requeue", HttpStatusCode.OK },
        { "GET", "api/dashboard/attention", HttpStatusCode.OK },
        // No such donation: staff get past the guard and hear so.
        { "GET", "api/dashboard/donations/don_authorization", HttpStatusCode.NotFound },
        // No open item has this key: staff get past the guard and hear so.
        { "POST", "api/dashboard/attention/0000000000000000001_don_authorization_Returned_none/done", HttpStatusCode.NotFound },
        { "GET", "dashboard/receipts", HttpStatusCode.OK },
        { "GET", "dashboard/receipts/assets/receipts.js", HttpStatusCode.OK },
        { "GET", "api/dashboard/receipts/annual/2040/preview", HttpStatusCode.OK },
        { "GET", "api/dashboard/receipts/annual/2040/preview/sample", HttpStatusCode.NotFound },
        { "POST", "api/dashboard/receipts/annual/2999/run", HttpStatusCode.Conflict },
        { "GET", "api/dashboard/receipts/annual/2040/progress", HttpStatusCode.OK },
        { "GET", "api/dashboard/receipts?year=2040", HttpStatusCode.OK },
        { "GET", "api/dashboard/receipts/2040-999999/pdf", HttpStatusCode.NotFound },
        { "GET", "api/dashboard/receipts/2040-999999/copy", HttpStatusCode.NotFound },
        { "POST", "api/dashboard/receipts/2040-999999/correct", HttpStatusCode.BadRequest },
        { "GET", "api/dashboard/receipts/reconciliation?year=2040", HttpStatusCode.OK },
        // A JSON body is no statement: staff get past the guard and hear so.
        { "POST", "api/dashboard/bank/statements", HttpStatusCode.BadRequest },
        { "GET", "api/dashboard/bank/unmatched", HttpStatusCode.OK },
        // An empty decision: staff get past the guard and hear so.
        { "POST", "api/dashboard/bank/unmatched/ref:0000000000000000000000000000000000000000000000000000000000000000/decision", HttpStatusCode.BadRequest },
        // No address: staff get past the guard and hear so.
        { "POST", "api/dashboard/donations/don_aaaaaaaaaaaaaaaaaaaa/receipt-address", HttpStatusCode.BadRequest },
        // No address: staff get past the guard and hear so.
        { "POST", "api/dashboard/privacy/objections", HttpStatusCode.BadRequest },
        // No address: staff get past the guard and hear so.
        { "POST", "api/dashboard/privacy/export", HttpStatusCode.BadRequest },
        { "POST", "api/dashboard/privacy/erase", HttpStatusCode.BadRequest },
        { "GET", "api/dashboard/privacy/overdue", HttpStatusCode.OK },
        { "GET", "api/dashboard/privacy/requests", HttpStatusCode.OK },
    };

    [Fact]
    public void Every_staff_function_is_in_the_route_list()
    {
        var functions = FunctionCatalog.Discover([typeof(DashboardFunctions).Assembly])
            .Where(f => f.HttpTrigger is { Route: { } route } && (route.StartsWith("api/dashboard", StringComparison.Ordinal) || route.StartsWith("dashboard", StringComparison.Ordinal)))
            .Select(f => f.HttpTrigger!.Route!)
            .ToList();
        var listed = Routes.Select(r => (string)r[1]).Select(p => p.Split('?')[0]).ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, route => Assert.Contains(listed, p => Matches(route, p)));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task DevHost_answers_401_anonymous_and_to_a_forged_principal_and_succeeds_with_the_dev_token(string method, string path, HttpStatusCode success)
    {
        await using var server = await StartAsync(trustPrincipal: false);
        var target = await TargetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, target, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, target, Principal("staff"), null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, target, null, "wrong-token"));
        Assert.Equal(success, await SendAsync(server, method, target, null, DashboardHost.StaffToken));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Behind_App_Service_authentication_the_role_decides(string method, string path, HttpStatusCode success)
    {
        await using var server = await StartAsync(trustPrincipal: true);
        var target = await TargetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, method, target, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(server, method, target, Principal("reader"), null));
        Assert.Equal(success, await SendAsync(server, method, target, Principal("staff"), null));
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
        foreach (var function in FunctionCatalog.Discover([typeof(DashboardFunctions).Assembly])
                     .Where(f => f.HttpTrigger?.Route?.Contains("dashboard", StringComparison.Ordinal) == true))
        {
            o.OnlyFunctions.Add(function.Name);
        }

        o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
        o.Settings["Auth:TrustAppServicePrincipal"] = trustPrincipal ? "true" : "false";
    });

    /// <summary>The path with <c>{member}</c> replaced by a member seeded overdue (its 2047 dues declined).</summary>
    private static async Task<string> TargetAsync(string path)
    {
        if (!path.Contains("{member}", StringComparison.Ordinal))
        {
            return path;
        }

        var tag = Guid.NewGuid().ToString("N")[..10];
        var member = await OverdueMembers.SeedAsync($"Zugriff {tag}", $"zugriff.{tag}@example.de");
        return path.Replace("{member}", member.Id, StringComparison.Ordinal);
    }

    private static bool Matches(string route, string path)
    {
        var routeParts = route.Split('/');
        var pathParts = path.Split('/');
        return routeParts.Length == pathParts.Length
            && routeParts.Zip(pathParts).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }

    private static async Task<HttpStatusCode> SendAsync(DevHostServer server, string method, string path, string? principal, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (path.EndsWith("/payments", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(new { amountCents = 6000, paidOn = "2026-11-02", reference = "Überweisung Beitrag" });
        }
        else if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

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
