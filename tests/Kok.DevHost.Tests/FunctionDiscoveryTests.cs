using Kok.DevHost.Functions;
using Kok.DevHost.Tests.Samples;
using Kok.Functions;
using Kok.Functions.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Kok.DevHost.Tests;

public class FunctionDiscoveryTests
{
    private static readonly IReadOnlyList<FunctionDescriptor> Discovered =
        FunctionCatalog.Discover([typeof(SampleHttpFunctions).Assembly, typeof(KokServiceCollectionExtensions).Assembly]);

    [Fact]
    public void Functions_of_an_added_assembly_are_found_by_their_attributes()
    {
        var samples = Discovered.Where(f => f.FunctionType.Assembly == typeof(SampleHttpFunctions).Assembly);

        Assert.Equal(
            ["SampleCancelMembership", "SampleEcho", "SampleGetDonation", "SampleQueue", "SampleStartupTimer", "SampleThrows", "SampleTimer", "SampleWritesResponse"],
            samples.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(Discovered, f => f.Name == "Health");
    }

    [Fact]
    public void Http_function_keeps_route_methods_and_binds_route_values_by_parameter_name()
    {
        var function = Discovered.Single(f => f.Name == "SampleCancelMembership");

        Assert.Equal(FunctionTriggerKind.Http, function.Trigger);
        Assert.Equal("api/samples/memberships/{memberId}/cancel", function.HttpTrigger!.Route);
        Assert.Equal(["post"], function.HttpTrigger.Methods!);
        Assert.Equal(
            [ParameterSource.HttpRequest, ParameterSource.RouteOrQuery, ParameterSource.FunctionContext, ParameterSource.CancellationToken],
            function.Parameters.Select(p => p.Source).ToArray());
        Assert.Equal("/api/samples/memberships/{memberId}/cancel", HttpFunctionEndpoints.RoutePattern("", function));
        Assert.Equal("/v1/api/samples/memberships/{memberId}/cancel", HttpFunctionEndpoints.RoutePattern("v1", function));
    }

    [Fact]
    public void Http_function_without_route_is_served_under_its_name()
    {
        var function = Discovered.Single(f => f.Name == "SampleWritesResponse");

        Assert.Null(function.HttpTrigger!.Route);
        Assert.Equal("/api/SampleWritesResponse", HttpFunctionEndpoints.RoutePattern("api", function));
        Assert.Equal("/SampleWritesResponse", HttpFunctionEndpoints.RoutePattern("", function));
    }

    [Fact]
    public void Queue_and_timer_functions_are_found_with_their_unresolved_settings()
    {
        var queue = Discovered.Single(f => f.Name == "SampleQueue");
        var timer = Discovered.Single(f => f.Name == "SampleTimer");

        Assert.Equal(FunctionTriggerKind.Queue, queue.Trigger);
        Assert.Equal("%Samples:Queue%", queue.QueueTrigger!.QueueName);
        Assert.Equal([ParameterSource.QueueMessageJson, ParameterSource.FunctionContext], queue.Parameters.Select(p => p.Source).ToArray());
        Assert.Equal(FunctionTriggerKind.Timer, timer.Trigger);
        Assert.Equal("%Samples:Schedule%", timer.TimerTrigger!.Schedule);
        Assert.Equal(typeof(SampleTimerFunction), timer.FunctionType);
    }

    [Fact]
    public void By_default_the_catalog_scans_Kok_Functions()
    {
        var catalog = new FunctionCatalog(
            Options.Create(new FunctionHostOptions()),
            HostJsonSettings.Parse("{}"),
            new ConfigurationBuilder().Build());

        Assert.All(catalog.Functions, f => Assert.Equal(typeof(HealthFunction).Assembly, f.FunctionType.Assembly));
        var health = Assert.Single(catalog.Functions, f => f.Name == "Health");
        Assert.Equal(typeof(HealthFunction), health.FunctionType);
        Assert.Same(health, catalog.Find("health"));
    }

    [Fact]
    public void Host_json_functions_list_limits_what_is_loaded_and_settings_disable_triggers()
    {
        var options = new FunctionHostOptions();
        options.Assemblies.Add(typeof(SampleHttpFunctions).Assembly);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobs.SampleTimer.Disabled"] = "true" })
            .Build();

        var catalog = new FunctionCatalog(
            Options.Create(options),
            HostJsonSettings.Parse("""{ "functions": ["SampleTimer", "SampleQueue"] }"""),
            configuration);

        Assert.Equal(["SampleQueue", "SampleTimer"], catalog.Functions.Select(f => f.Name).ToArray());
        Assert.True(catalog.IsDisabled(catalog.Find("SampleTimer")!));
        Assert.False(catalog.IsDisabled(catalog.Find("SampleQueue")!));
        Assert.Null(catalog.Find("Health"));
    }

    [Theory]
    [InlineData(nameof(NotFunctions.TwoTriggers), "exactly one trigger parameter, found 2")]
    [InlineData(nameof(NotFunctions.NoTrigger), "exactly one trigger parameter, found 0")]
    [InlineData(nameof(NotFunctions.LoggerParameter), "parameter 'logger' of type ILogger cannot be bound")]
    [InlineData(nameof(NotFunctions.QueueWithReturnValue), "return value would be an output binding")]
    [InlineData(nameof(NotFunctions.RequestData), "trigger parameter 'request' of type HttpRequestData is not supported")]
    [InlineData(nameof(NotFunctions.HttpReturningText), "must return IActionResult, IResult, or nothing")]
    public void Functions_DevHost_cannot_serve_are_refused_with_a_reason(string method, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            FunctionCatalog.Describe("Sample", typeof(NotFunctions).GetMethod(method)!));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains($"NotFunctions.{method}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_names_follow_the_hosts_rules()
    {
        var method = typeof(NotFunctions).GetMethod(nameof(NotFunctions.Valid))!;

        Assert.Equal("Valid-1_x", FunctionCatalog.Describe("Valid-1_x", method).Name);
        Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Describe("1st", method));
        Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Describe("with space", method));
    }
}
