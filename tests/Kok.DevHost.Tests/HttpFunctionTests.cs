using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.DevHost.Tests;

public class HttpFunctionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private TestDevHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureFunctionsJobHost:functions:0"] = "SampleGetDonation",
                ["AzureFunctionsJobHost:functions:1"] = "SampleCancelMembership",
                ["AzureFunctionsJobHost:functions:2"] = "SampleEcho",
                ["AzureFunctionsJobHost:functions:3"] = "SampleWritesResponse",
                ["AzureFunctionsJobHost:functions:4"] = "SampleThrows",
                ["AzureFunctionsJobHost:functions:5"] = "Health",
            },
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Route_values_bind_to_parameters_and_IActionResult_is_written_as_camelCase_json()
    {
        using var response = await _host.Client.GetAsync("/api/samples/donations/d-42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("d-42", json.RootElement.GetProperty("donationId").GetString());
        Assert.Equal(2500, json.RootElement.GetProperty("amountCents").GetInt64());
        // The function class got TimeProvider by constructor injection: the fake clock of this host.
        Assert.Equal(Now, json.RootElement.GetProperty("readAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Nested_route_values_request_body_and_FunctionContext_reach_the_function()
    {
        using var response = await _host.Client.PostAsync("/api/samples/memberships/m-7/cancel", new StringContent("moved away"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("m-7", json.RootElement.GetProperty("memberId").GetString());
        Assert.Equal("moved away", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal("SampleCancelMembership", json.RootElement.GetProperty("function").GetString());
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("invocationId").GetString(), out _));
        Assert.True(json.RootElement.GetProperty("sameRequest").GetBoolean());
    }

    [Fact]
    public async Task Only_the_attributes_methods_are_mapped()
    {
        using var response = await _host.Client.GetAsync("/api/samples/memberships/m-7/cancel");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task FromBody_parameters_are_read_as_json()
    {
        using var response = await _host.Client.PostAsJsonAsync("/api/samples/echo", new { orderId = "o-1", amountCents = 1500 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"orderId":"o-1","amountCents":1500}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_returning_Task_writes_the_response_itself_under_its_name_as_route()
    {
        using var response = await _host.Client.GetAsync("/samplewritesresponse");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("written by the function", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_throwing_function_answers_an_empty_500()
    {
        using var response = await _host.Client.GetAsync("/api/samples/throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Functions_not_in_host_json_functions_list_are_not_served()
    {
        using var response = await _host.Client.PostAsync("/admin/functions/SampleTimer", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_503_promptly_when_storage_is_unreachable()
    {
        using var response = await _host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unreachable", json.RootElement.GetProperty("storage").GetString());
    }
}
