using System.Net;
using System.Text.Json;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests;

public class HealthTests
{
    // Storage probes time out after 3 s; an answer within this bound means the endpoint did not hang.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(15);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(DevHostServer server)
    {
        using var timeout = new CancellationTokenSource(Prompt);
        using var response = await server.Client.GetAsync("api/health", timeout.Token);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Health_is_ok_when_storage_answers()
    {
        // Health alone: with the app's queue functions on, this host would take the pipeline tests' messages off the
        // shared storage's fixed-name queues.
        await using var server = await DevHostServer.StartAsync(o => o.OnlyFunctions.Add("Health"));

        var (status, body) = await GetHealthAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Health_is_503_promptly_when_storage_is_unreachable()
    {
        await using var server = await DevHostServer.StartAsync(o => o.StorageConnectionString = TestStorage.UnreachableConnectionString());

        var (status, body) = await GetHealthAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unreachable", body.GetProperty("storage").GetString());
        Assert.Equal("degraded", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_follows_storage_going_away_and_coming_back()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var server = await DevHostServer.StartAsync(o => o.StorageConnectionString = azurite.ConnectionString);

        Assert.Equal(HttpStatusCode.OK, (await GetHealthAsync(server)).Status);

        await azurite.KillAsync();
        await Eventually.WaitUntilAsync(async () => (await GetHealthAsync(server)).Status == HttpStatusCode.ServiceUnavailable,
            "health reports storage down");

        await azurite.RestartAsync();
        await Eventually.WaitUntilAsync(async () => (await GetHealthAsync(server)).Status == HttpStatusCode.OK,
            "health reports storage back");
    }
}
