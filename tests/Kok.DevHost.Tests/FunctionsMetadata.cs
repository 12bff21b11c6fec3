using System.Text.Json.Nodes;
using Kok.DevHost.Functions;

namespace Kok.DevHost.Tests;

/// <summary>
/// Reads <c>functions.metadata</c> (what the Functions host reads to know the worker's functions) and compares it with
/// what DevHost's <see cref="FunctionCatalog"/> discovered, naming every difference in one line.
/// </summary>
internal static class FunctionsMetadata
{
    /// <summary>The file the Worker SDK wrote into Kok.Functions' own build output, for this test run's configuration.</summary>
    public static string BuildOutputPath()
    {
        // .../tests/Kok.DevHost.Tests/bin/{Configuration}/{tfm}/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Kok.Functions", "bin", configuration, tfm, "functions.metadata");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Kok.Functions' functions.metadata ({configuration}/{tfm}) was not found: build the solution first.");
    }

    public static List<JsonObject> Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(f => f!.AsObject()).ToList();

    public static IReadOnlyList<string> Compare(IReadOnlyList<JsonObject> metadata, IReadOnlyList<FunctionDescriptor> discovered)
    {
        var differences = new List<string>();
        var byName = discovered.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var entry in metadata)
        {
            var name = (string)entry["name"]!;
            if (!byName.Remove(name, out var function))
            {
                differences.Add($"{name}: functions.metadata lists it, DevHost does not run it");
                continue;
            }

            differences.AddRange(CompareOne(entry, function).Select(d => $"{name}: {d}"));
        }

        differences.AddRange(byName.Keys.Order(StringComparer.Ordinal).Select(n => $"{n}: DevHost runs it, functions.metadata does not list it"));
        return differences;
    }

    private static IEnumerable<string> CompareOne(JsonObject entry, FunctionDescriptor function)
    {
        if ((string?)entry["entryPoint"] != function.EntryPoint)
        {
            yield return $"entry point {entry["entryPoint"]} vs {function.EntryPoint}";
        }

        var triggers = entry["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Where(b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true)
            .ToList();
        if (triggers.Count != 1)
        {
            yield return $"{triggers.Count} trigger bindings in functions.metadata";
            yield break;
        }

        var trigger = triggers[0];
        var type = (string?)trigger["type"];
        var expectedType = function.Trigger switch
        {
            FunctionTriggerKind.Http => "httpTrigger",
            FunctionTriggerKind.Queue => "queueTrigger",
            FunctionTriggerKind.Timer => "timerTrigger",
            _ => function.Trigger.ToString(),
        };
        if (!string.Equals(type, expectedType, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"trigger {type} vs {expectedType}";
            yield break;
        }

        var differences = function.Trigger switch
        {
            FunctionTriggerKind.Http => CompareHttp(trigger, function),
            FunctionTriggerKind.Queue => CompareQueue(trigger, function),
            _ => CompareTimer(trigger, function),
        };
        foreach (var difference in differences)
        {
            yield return difference;
        }
    }

    private static IEnumerable<string> CompareHttp(JsonObject trigger, FunctionDescriptor function)
    {
        var http = function.HttpTrigger!;
        if (!SameText((string?)trigger["route"], http.Route))
        {
            yield return $"route {trigger["route"]} vs {http.Route}";
        }

        var metadataMethods = trigger["methods"]?.AsArray().Select(m => ((string)m!).ToLowerInvariant()).Order().ToArray() ?? [];
        var devHostMethods = (http.Methods ?? []).Select(m => m.ToLowerInvariant()).Order().ToArray();
        if (!metadataMethods.SequenceEqual(devHostMethods))
        {
            yield return $"methods {string.Join(",", metadataMethods)} vs {string.Join(",", devHostMethods)}";
        }

        if (!string.Equals((string?)trigger["authLevel"], http.AuthLevel.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            yield return $"auth level {trigger["authLevel"]} vs {http.AuthLevel}";
        }
    }

    private static IEnumerable<string> CompareQueue(JsonObject trigger, FunctionDescriptor function)
    {
        var queue = function.QueueTrigger!;
        if ((string?)trigger["queueName"] != queue.QueueName)
        {
            yield return $"queue name {trigger["queueName"]} vs {queue.QueueName}";
        }

        if (!SameText((string?)trigger["connection"], queue.Connection))
        {
            yield return $"connection {trigger["connection"]} vs {queue.Connection}";
        }
    }

    private static IEnumerable<string> CompareTimer(JsonObject trigger, FunctionDescriptor function)
    {
        var timer = function.TimerTrigger!;
        if ((string?)trigger["schedule"] != timer.Schedule)
        {
            yield return $"schedule {trigger["schedule"]} vs {timer.Schedule}";
        }

        if (((bool?)trigger["runOnStartup"] ?? false) != timer.RunOnStartup)
        {
            yield return $"run on startup {trigger["runOnStartup"]} vs {timer.RunOnStartup}";
        }

        if (((bool?)trigger["useMonitor"] ?? true) != timer.UseMonitor)
        {
            yield return $"use monitor {trigger["useMonitor"]} vs {timer.UseMonitor}";
        }
    }

    // Absent, null and empty mean the same to both hosts (no route: the function's name; no connection: the default).
    private static bool SameText(string? a, string? b) => string.IsNullOrEmpty(a) ? string.IsNullOrEmpty(b) : a == b;
}
