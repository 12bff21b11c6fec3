using System.Text.Json.Nodes;
using Kok.DevHost.Functions;
using Kok.Functions;

namespace Kok.DevHost.Tests;

/// <summary>
/// DevHost is a host of our own making; the Functions host reads <c>functions.metadata</c>, which the Worker SDK
/// writes into Kok.Functions' build output. These tests hold DevHost's discovery to that file, function by function,
/// so the two hosts cannot see different functions, routes, methods, queues, schedules, connections or auth levels.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<FunctionDescriptor> DevHostFunctions =
        FunctionCatalog.Discover([typeof(KokServiceCollectionExtensions).Assembly]);

    [Fact]
    public void DevHost_discovers_exactly_the_functions_the_Functions_host_reads_from_functions_metadata()
    {
        var metadata = FunctionsMetadata.Load(FunctionsMetadata.BuildOutputPath());

        var differences = FunctionsMetadata.Compare(metadata, DevHostFunctions);

        Assert.True(differences.Count == 0, "DevHost and functions.metadata differ:\n  " + string.Join("\n  ", differences));
        Assert.Equal(metadata.Count, DevHostFunctions.Count);
    }

    [Fact]
    public void The_metadata_file_is_the_one_the_worker_sdk_wrote_for_Kok_Functions()
    {
        var metadata = FunctionsMetadata.Load(FunctionsMetadata.BuildOutputPath());

        Assert.All(metadata, f => Assert.Equal("Kok.Functions.dll", (string?)f["scriptFile"]));
        Assert.Contains(metadata, f => (string?)f["name"] == "StripeWebhook");
    }

    [Theory]
    [InlineData("route", "api/stripe/webhooks", "route")]
    [InlineData("methods", "get", "methods")]
    [InlineData("authLevel", "Function", "auth level")]
    public void A_changed_http_binding_is_reported(string property, string value, string reported)
    {
        var metadata = FunctionsMetadata.Load(FunctionsMetadata.BuildOutputPath());
        var trigger = Trigger(metadata, "StripeWebhook");
        trigger[property] = property == "methods" ? new JsonArray(value) : value;

        var differences = FunctionsMetadata.Compare(metadata, DevHostFunctions);

        Assert.Contains(differences, d => d.StartsWith("StripeWebhook:", StringComparison.Ordinal) && d.Contains(reported, StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_queue_name_connection_or_schedule_is_reported()
    {
        var metadata = FunctionsMetadata.Load(FunctionsMetadata.BuildOutputPath());
        Trigger(metadata, "ReceiptMail")["queueName"] = "receipt-mails";
        Trigger(metadata, "DuesCharge")["connection"] = "OtherStorage";
        Trigger(metadata, "DuesScheduler")["schedule"] = "0 0 6 * * *";

        var differences = FunctionsMetadata.Compare(metadata, DevHostFunctions);

        Assert.Contains(differences, d => d.StartsWith("ReceiptMail: queue name", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("DuesCharge: connection", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("DuesScheduler: schedule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_function_only_one_host_knows_is_reported()
    {
        var metadata = FunctionsMetadata.Load(FunctionsMetadata.BuildOutputPath());
        var health = metadata.Single(f => (string?)f["name"] == "Health");
        metadata.Remove(health);
        var extra = JsonNode.Parse(health.ToJsonString())!.AsObject();
        extra["name"] = "Ghost";
        metadata.Add(extra);

        var differences = FunctionsMetadata.Compare(metadata, DevHostFunctions);

        Assert.Contains("Health: DevHost runs it, functions.metadata does not list it", differences);
        Assert.Contains("Ghost: functions.metadata lists it, DevHost does not run it", differences);
    }

    private static JsonObject Trigger(List<JsonObject> metadata, string name) =>
        metadata.Single(f => (string?)f["name"] == name)["bindings"]!.AsArray()
            .Select(b => b!.AsObject())
            .Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));
}
