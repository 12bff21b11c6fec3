using System.Text;
using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Functions;

/// <summary>
/// The parts of host.json DevHost honours. As in the Functions host, app settings under
/// <c>AzureFunctionsJobHost</c> (env: <c>AzureFunctionsJobHost__extensions__queues__batchSize</c>) override the file.
/// </summary>
public sealed record HostJsonSettings(string RoutePrefix, QueuesSettings Queues, IReadOnlyList<string> Functions, string? SourcePath)
{
    public const string OverrideSectionName = "AzureFunctionsJobHost";
    public const string DefaultRoutePrefix = "api";

    /// <summary>Reads host.json from <paramref name="path"/> (none: defaults) and applies the app-setting overrides.</summary>
    public static HostJsonSettings Load(string? path, IConfiguration appConfiguration)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            // A stream, not AddJsonFile: no file watcher, and a clear error naming the file if it is not valid JSON.
            try
            {
                builder.AddJsonStream(new MemoryStream(File.ReadAllBytes(path)));
                return From(builder, appConfiguration, path);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
            {
                throw new InvalidOperationException($"host.json at {path} is not valid JSON: {ex.Message}", ex);
            }
        }

        return From(builder, appConfiguration, null);
    }

    /// <summary>Reads host.json text; for tests and tools.</summary>
    public static HostJsonSettings Parse(string json, IConfiguration? appConfiguration = null)
    {
        var builder = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return From(builder, appConfiguration, null);
    }

    /// <summary>True when host.json's <c>functions</c> list is empty (all run) or names the function.</summary>
    public bool Includes(string functionName) =>
        Functions.Count == 0 || Functions.Contains(functionName, StringComparer.OrdinalIgnoreCase);

    private static HostJsonSettings From(IConfigurationBuilder builder, IConfiguration? appConfiguration, string? source)
    {
        if (appConfiguration is not null)
        {
            var overrides = appConfiguration.GetSection(OverrideSectionName)
                .AsEnumerable(makePathsRelative: true)
                .Where(pair => pair.Key.Length > 0);
            builder.AddInMemoryCollection(overrides);
        }

        var merged = builder.Build();
        var routePrefix = (merged["extensions:http:routePrefix"] ?? DefaultRoutePrefix).Trim('/');
        var queues = QueuesSettings.From(merged.GetSection("extensions:queues"));
        var functions = merged.GetSection("functions").GetChildren()
            .Select(child => child.Value)
            .OfType<string>()
            .Where(name => name.Length > 0)
            .ToArray();
        return new HostJsonSettings(routePrefix, queues, functions, source);
    }
}
