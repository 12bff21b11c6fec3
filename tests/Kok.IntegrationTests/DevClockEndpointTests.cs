using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests;

public sealed class DevClockEndpointTests
{
    // These hosts share the run's storage with the pipeline tests; with the app's queue functions on they would take
    // those tests' messages (the queues have fixed names), so they run one HTTP function only.
    private static void HttpOnly(DevHostServerOptions options) => options.OnlyFunctions.Add("Health");

    [Fact]
    public async Task Post_dev_clock_sets_the_time_the_app_sees_and_delete_returns_to_real_time()
    {
        await using var server = await DevHostServer.StartAsync(HttpOnly);

        using var set = await server.Client.PostAsJsonAsync("dev/clock", new { utcNow = "2027-03-01T05:00:00Z" });
        var state = (await set.Content.ReadFromJsonAsync<JsonObject>())!;
        var seen = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.StartsWith("2027-03-01T05:0", (string)state["utcNow"]!, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2027, 3, 1), seen.UtcDateTime.Date);

        using var reset = await server.Client.DeleteAsync("dev/clock");
        Assert.Equal(0, (double)(await reset.Content.ReadFromJsonAsync<JsonObject>())!["offsetSeconds"]!);
    }

    [Fact]
    public async Task A_test_clock_cannot_be_set_through_dev_clock()
    {
        await using var server = await DevHostServer.StartAsync(o =>
        {
            HttpOnly(o);
            o.Clock = new FakeTimeProvider();
        });

        using var response = await server.Client.PostAsJsonAsync("dev/clock", new { utcNow = "2027-03-01T05:00:00Z" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
