using Azure.Storage.Queues;
using Kok.DevHost.Functions;
using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Tests;

public class HostJsonSettingsTests
{
    [Fact]
    public void Missing_settings_take_the_Functions_host_defaults()
    {
        var settings = HostJsonSettings.Parse("""{ "version": "2.0" }""");

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Empty(settings.Functions);
        Assert.Equal(new QueuesSettings(16, 8, TimeSpan.Zero, 5, TimeSpan.FromMinutes(1), QueueMessageEncoding.Base64), settings.Queues);
        Assert.Equal(QueuesSettings.Default, settings.Queues);
    }

    [Fact]
    public void Values_are_read_case_insensitively()
    {
        var settings = HostJsonSettings.Parse("""
            {
              "functions": [ "A", "B" ],
              "extensions": {
                "http": { "routePrefix": "/v1/" },
                "queues": {
                  "BatchSize": 10, "newBatchThreshold": 1, "visibilityTimeout": "00:00:30",
                  "maxDequeueCount": 3, "maxPollingInterval": "00:00:02", "messageEncoding": "None"
                }
              }
            }
            """);

        Assert.Equal("v1", settings.RoutePrefix);
        Assert.Equal(["A", "B"], settings.Functions);
        Assert.Equal(new QueuesSettings(10, 1, TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(2), QueueMessageEncoding.None), settings.Queues);
    }

    [Fact]
    public void New_batch_threshold_defaults_to_half_the_batch_size()
    {
        var settings = HostJsonSettings.Parse("""{ "extensions": { "queues": { "batchSize": 9 } } }""");

        Assert.Equal(4, settings.Queues.NewBatchThreshold);
    }

    [Fact]
    public void App_settings_under_AzureFunctionsJobHost_override_the_file()
    {
        var appSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "",
        }).Build();

        var settings = HostJsonSettings.Parse("""{ "extensions": { "queues": { "maxDequeueCount": 5, "batchSize": 4 } } }""", appSettings);

        Assert.Equal(2, settings.Queues.MaxDequeueCount);
        Assert.Equal(4, settings.Queues.BatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.Queues.MaxPollingInterval);
        Assert.Equal("", settings.RoutePrefix);
    }

    [Theory]
    [InlineData("""{ "batchSize": 33 }""", "batchSize must be between 1 and 32")]
    [InlineData("""{ "batchSize": "many" }""", "batchSize is not a whole number")]
    [InlineData("""{ "maxDequeueCount": 0 }""", "maxDequeueCount must be at least 1")]
    [InlineData("""{ "maxPollingInterval": "00:00:00.050" }""", "maxPollingInterval must not be less than")]
    [InlineData("""{ "visibilityTimeout": "soon" }""", "visibilityTimeout is not a time span")]
    [InlineData("""{ "messageEncoding": "utf8" }""", "messageEncoding must be")]
    public void Invalid_queue_settings_name_the_key(string queues, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            HostJsonSettings.Parse($$"""{ "extensions": { "queues": {{queues}} } }"""));

        Assert.Contains("host.json extensions.queues." + problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repositorys_host_json_is_found_next_to_the_app_and_read()
    {
        var configuration = new ConfigurationBuilder().Build();

        var path = HostJsonLocator.Find(configuration);
        var settings = HostJsonSettings.Load(path, configuration);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "host.json"), path);
        Assert.Equal("", settings.RoutePrefix);
        Assert.Equal(5, settings.Queues.MaxDequeueCount);
    }

    [Fact]
    public void Without_a_host_json_in_the_output_the_nearest_one_above_is_used()
    {
        var root = Directory.CreateTempSubdirectory("devhost-hostjson-");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "App", "bin"));
            File.WriteAllText(Path.Combine(root.FullName, "host.json"), """{ "extensions": { "http": { "routePrefix": "x" } } }""");

            var path = HostJsonLocator.FindAbove(nested.FullName);

            Assert.Equal(Path.Combine(root.FullName, "host.json"), path);
            Assert.Equal("x", HostJsonSettings.Load(path, new ConfigurationBuilder().Build()).RoutePrefix);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_configured_path_wins_and_must_exist()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "host.json");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [HostJsonLocator.PathSetting] = missing })
            .Build();

        Assert.Throws<FileNotFoundException>(() => { _ = HostJsonLocator.Find(configuration); });
    }

    [Fact]
    public void A_host_json_that_is_not_json_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"extensions\": ");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => HostJsonSettings.Load(path, new ConfigurationBuilder().Build()));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
