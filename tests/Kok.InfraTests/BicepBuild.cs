using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Kok.InfraTests;

/// <summary>
/// Compiles infra/bicep/main.bicep once with the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package and
/// parses the ARM JSON. Modules are compiled into nested deployments, so every resource of every module is here.
/// </summary>
public sealed class BicepBuild : IDisposable
{
    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("kok-bicep-").FullName;

    public BicepBuild()
    {
        var cli = InfraPaths.BicepCli;
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Bicep CLI not found at {cli}; restore tests/Kok.InfraTests.");
        }

        // NuGet does not always keep the executable bit of a packaged binary.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(cli).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        }

        var outputFile = Path.Combine(_outputDirectory, "main.json");
        (ExitCode, Output) = Run(cli, "build", InfraPaths.InRepository("infra/bicep/main.bicep"), "--outfile", outputFile);
        if (File.Exists(outputFile))
        {
            Template = JsonNode.Parse(File.ReadAllText(outputFile))!.AsObject();
            Resources = CollectResources(Template).ToArray();
        }
        else
        {
            Template = [];
            Resources = [];
        }
    }

    public int ExitCode { get; }

    /// <summary>Everything the CLI wrote (stdout and stderr): diagnostics, one per line.</summary>
    public string Output { get; }

    public JsonObject Template { get; }

    /// <summary>Every resource the deployment creates (not the <c>existing</c> references), across all modules.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one resource of <paramref name="type"/> whose name expression contains <paramref name="nameFragment"/>.</summary>
    public JsonObject One(string type, string nameFragment = "") =>
        OfType(type).Single(r => ((string?)r["name"] ?? string.Empty).Contains(nameFragment, StringComparison.Ordinal));

    /// <summary>The parameter values main.bicep passes to a module.</summary>
    public JsonObject ModuleParameters(string deploymentName) =>
        One("Microsoft.Resources/deployments", deploymentName)["properties"]!["parameters"]!.AsObject();

    /// <summary>The compiled template of a module.</summary>
    public JsonObject ModuleTemplate(string deploymentName) =>
        One("Microsoft.Resources/deployments", deploymentName)["properties"]!["template"]!.AsObject();

    /// <summary>The Function App's app settings: name to value (a literal or an ARM expression).</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        One("Microsoft.Web/sites/config", "'appsettings'")["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_outputDirectory, recursive: true);

    private static IEnumerable<JsonObject> CollectResources(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out _)
                    && obj["apiVersion"] is JsonValue api && api.TryGetValue<string>(out _)
                    && obj["existing"] is null)
                {
                    yield return obj;
                }

                foreach (var property in obj)
                {
                    foreach (var inner in CollectResources(property.Value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in CollectResources(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>Runs a program to its end (at most 5 minutes): its exit code and everything it wrote.</summary>
    internal static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {arguments.FirstOrDefault()} did not finish within 5 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
