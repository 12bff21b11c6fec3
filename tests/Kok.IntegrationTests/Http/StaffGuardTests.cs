using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kok.Functions.Staff;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Samples;

namespace Kok.IntegrationTests.Http;

/// <summary>
/// A staff function with no authorization code of its own (<see cref="SampleStaffFunctions"/>), run through DevHost:
/// the one guard in the worker middleware refuses anonymous (401), forged principals (401), principals without the
/// role (403) and cross-site writes (403), reads nothing of a refused request, and hands the identity to the function.
/// </summary>
public sealed class StaffGuardTests(StaffGuardTests.Hosts hosts) : IClassFixture<StaffGuardTests.Hosts>
{
    private const string Token = "guard-staff-token";

    [Fact]
    public async Task Anonymous_and_a_wrong_token_are_401_problems_and_the_function_never_runs()
    {
        using var anonymous = await hosts.Local.Client.GetAsync("api/samples/staff/records/r-1");
        using var wrongToken = await SendAsync(hosts.Local, HttpMethod.Get, "api/samples/staff/records/r-1", bearer: "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("r-1", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }

    [Fact]
    public async Task An_App_Service_principal_is_forged_where_the_platform_is_not_in_front_and_gets_401()
    {
        using var forged = await SendAsync(hosts.Local, HttpMethod.Get, "api/samples/staff/records/r-1", principal: Principal("staff"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Behind_App_Service_authentication_no_role_is_403_and_an_unreadable_principal_401()
    {
        using var reader = await SendAsync(hosts.Azure, HttpMethod.Get, "api/samples/staff/records/r-1", principal: Principal("reader"));
        using var garbage = await SendAsync(hosts.Azure, HttpMethod.Get, "api/samples/staff/records/r-1", principal: "!!!");

        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("application/problem+json", reader.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task Allowed_staff_reach_the_function_with_their_identity_for_the_audit()
    {
        using var local = await SendAsync(hosts.Local, HttpMethod.Get, "api/samples/staff/records/r-1", bearer: Token);
        using var azure = await SendAsync(hosts.Azure, HttpMethod.Get, "api/samples/staff/records/r-2", principal: Principal("staff"));

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(("r-1", "dev-token", "Local staff (dev token)"), await RecordAsync(local));
        Assert.Equal(HttpStatusCode.OK, azure.StatusCode);
        Assert.Equal(("r-2", "oid-1", "Office"), await RecordAsync(azure));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    public async Task A_cross_site_write_is_403_even_signed_in_and_its_body_is_not_read(string header, string value)
    {
        using var request = Request(HttpMethod.Post, "api/samples/staff/notes", bearer: Token);
        request.Content = new StringContent("{\"note\":1,\"note\":2}", Encoding.UTF8, "application/json");
        request.Headers.Add(header, value);

        using var response = await hosts.Local.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Cross-site request refused.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cross_site_read_and_a_same_origin_write_pass()
    {
        using var read = Request(HttpMethod.Get, "api/samples/staff/records/r-3", bearer: Token);
        read.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var write = Request(HttpMethod.Post, "api/samples/staff/notes", bearer: Token);
        write.Headers.Add("Sec-Fetch-Site", "same-origin");
        write.Content = JsonContent.Create(new { note = "Anruf" });

        using var readAnswer = await hosts.Local.Client.SendAsync(read);
        using var writeAnswer = await hosts.Local.Client.SendAsync(write);

        Assert.Equal(HttpStatusCode.OK, readAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, writeAnswer.StatusCode);
        using var json = JsonDocument.Parse(await writeAnswer.Content.ReadAsStringAsync());
        Assert.Equal("Anruf", json.RootElement.GetProperty("note").GetString());
        Assert.Equal("dev-token", json.RootElement.GetProperty("staff").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Anonymous_with_a_bad_body_is_401_not_400_the_guard_comes_first()
    {
        using var request = Request(HttpMethod.Post, "api/samples/staff/notes");
        request.Content = new StringContent("{\"note\":", Encoding.UTF8, "application/json");

        using var response = await hosts.Local.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_declared_JSON_body_is_checked_by_the_middleware_415_413_400()
    {
        async Task<HttpStatusCode> PostAsync(string body, string mediaType)
        {
            using var request = Request(HttpMethod.Post, "api/samples/staff/notes", bearer: Token);
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
            using var response = await hosts.Local.Client.SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync("{\"note\":\"x\"}", "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            await PostAsync("{\"note\":\"" + new string('x', SampleStaffFunctions.MaxNoteBytes) + "\"}", "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{\"note\":\"a\",\"note\":\"b\"}", "application/json"));
    }

    [Fact]
    public async Task Under_the_dashboard_prefix_a_function_is_guarded_even_without_the_mark()
    {
        using var anonymous = await hosts.Local.Client.GetAsync("api/dashboard/samples/unmarked");
        using var staff = await SendAsync(hosts.Local, HttpMethod.Get, "api/dashboard/samples/unmarked", bearer: Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task A_route_that_is_also_the_subjects_own_link_is_staff_only_without_its_token()
    {
        using var link = await SendAsync(hosts.Local, HttpMethod.Post, "api/samples/staff/links/m-1/cancel?token=abc");
        using var emptyToken = await SendAsync(hosts.Local, HttpMethod.Post, "api/samples/staff/links/m-1/cancel?token=");
        using var anonymous = await SendAsync(hosts.Local, HttpMethod.Post, "api/samples/staff/links/m-1/cancel");
        using var staff = await SendAsync(hosts.Local, HttpMethod.Post, "api/samples/staff/links/m-1/cancel", bearer: Token);

        Assert.Equal("link", await ByAsync(link));
        Assert.Equal("link", await ByAsync(emptyToken));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("dev-token", await ByAsync(staff));
    }

    private static async Task<(string Id, string StaffId, string StaffName)> RecordAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var staff = json.RootElement.GetProperty("staff");
        return (json.RootElement.GetProperty("id").GetString()!, staff.GetProperty("id").GetString()!, staff.GetProperty("name").GetString()!);
    }

    private static async Task<string?> ByAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("by").GetString();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? bearer = null, string? principal = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        if (principal is not null)
        {
            request.Headers.Add(StaffAuthorization.PrincipalHeader, principal);
        }

        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(DevHostServer host, HttpMethod method, string path, string? bearer = null, string? principal = null)
    {
        using var request = Request(method, path, bearer, principal);
        return await host.Client.SendAsync(request);
    }

    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"roles","val":"{{role}}"},{"typ":"name","val":"Office"},{"typ":"oid","val":"oid-1"}]}"""));

    /// <summary>DevHost with only the sample staff functions: locally (dev token) and as behind App Service Authentication.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public DevHostServer Local { get; private set; } = null!;

        public DevHostServer Azure { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Local = await StartAsync(trustPrincipal: false);
            Azure = await StartAsync(trustPrincipal: true);
        }

        public async Task DisposeAsync()
        {
            await Local.DisposeAsync();
            await Azure.DisposeAsync();
        }

        private static Task<DevHostServer> StartAsync(bool trustPrincipal) => DevHostServer.StartAsync(o =>
        {
            o.FunctionAssemblies.Add(typeof(SampleStaffFunctions).Assembly);
            foreach (var name in new[] { "SampleStaffRecord", "SampleStaffNote", "SampleDashboardUnmarked", "SampleStaffOrOwnLink" })
            {
                o.OnlyFunctions.Add(name);
            }

            o.Settings["Staff:DevToken"] = Token;
            o.Settings["Auth:TrustAppServicePrincipal"] = trustPrincipal ? "true" : "false";
        });
    }
}
