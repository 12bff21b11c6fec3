using System.Net;

namespace Kok.DevHost.Tests;

public class RoutePrefixTests
{
    [Fact]
    public async Task The_route_prefix_comes_from_host_json_settings_and_disabled_functions_have_no_route()
    {
        await using var host = await TestDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "v1",
            ["AzureFunctionsJobHost:functions:0"] = "SampleGetDonation",
            ["AzureFunctionsJobHost:functions:1"] = "SampleWritesResponse",
            ["AzureWebJobs.SampleWritesResponse.Disabled"] = "true",
        });

        using var prefixed = await host.Client.GetAsync("/v1/api/samples/donations/d-1");
        using var oldPrefix = await host.Client.GetAsync("/api/samples/donations/d-1");
        using var disabled = await host.Client.GetAsync("/v1/SampleWritesResponse");

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldPrefix.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
    }
}
