using System.Text.Json.Nodes;
using Kok.Functions;
using Kok.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kok.InfraTests;

/// <summary>
/// The settings catalogue (src/Kok.Functions/Configuration/SettingsCatalog.cs) against the code that reads
/// configuration, local.settings.json.example and README.md.
/// </summary>
public sealed class SettingsCatalogTests
{
    [Fact]
    public void Catalogue_lists_each_key_once_with_a_description()
    {
        var duplicates = SettingsCatalog.All.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
        Assert.All(SettingsCatalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), s.Key));
        Assert.All(SettingsCatalog.All, s => Assert.DoesNotContain("__", s.Key, StringComparison.Ordinal));
        Assert.All(SettingsCatalog.All.Where(s => s.IsSecret), s => Assert.NotEqual(SettingInAzure.Optional, s.InAzure));
    }

    [Fact]
    public void Every_key_the_backend_reads_is_in_the_catalogue()
    {
        var reads = BackendReads();

        // A bound section (Get<T>) is read as a whole: it is covered when the catalogue lists keys inside it.
        var missing = reads.Where(k => SettingsCatalog.Find(k) is null
            && !SettingsCatalog.All.Any(s => s.Key.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(missing.Length == 0,
            "AddKokBackend reads configuration keys the catalogue does not list. Add them to SettingsCatalog "
            + "(src/Kok.Functions/Configuration), to the Bicep app settings, local.settings.json.example and README.md: "
            + string.Join(", ", missing));
    }

    [Fact]
    public void Every_backend_key_in_the_catalogue_is_still_read()
    {
        var reads = BackendReads().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = SettingsCatalog.All
            .Where(s => s.ReadBy == SettingReader.Backend && !reads.Contains(s.Key)
                && !reads.Any(section => s.Key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Key)
            .ToArray();
        Assert.True(stale.Length == 0, "The catalogue lists keys nothing reads any more: " + string.Join(", ", stale));
    }

    [Fact]
    public void Local_settings_example_sets_every_local_key_and_nothing_else()
    {
        var values = JsonNode.Parse(File.ReadAllText(InfraPaths.InRepository("src/Kok.Functions/local.settings.json.example")))!["Values"]!.AsObject();

        foreach (var setting in SettingsCatalog.All.Where(s => s.LocalExample is not null))
        {
            Assert.True(values.ContainsKey(setting.EnvironmentName), $"local.settings.json.example lacks {setting.EnvironmentName}.");
            Assert.Equal(setting.LocalExample, (string?)values[setting.EnvironmentName]);
        }

        var unknown = values.Select(v => v.Key).Where(k => SettingsCatalog.Find(k) is not { LocalExample: not null }).ToArray();
        Assert.True(unknown.Length == 0, "local.settings.json.example sets keys the catalogue does not know locally: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Readme_documents_every_setting_in_a_table()
    {
        var tableRows = File.ReadAllLines(InfraPaths.InRepository("README.md")).Where(l => l.TrimStart().StartsWith('|')).ToArray();

        var undocumented = SettingsCatalog.All
            .Where(s => !tableRows.Any(row => row.Contains($"`{s.EnvironmentName}`", StringComparison.Ordinal)))
            .Select(s => s.EnvironmentName)
            .ToArray();
        Assert.True(undocumented.Length == 0, "README.md has no table row for: " + string.Join(", ", undocumented));
    }

    /// <summary>
    /// Builds the real service collection over a recording configuration (the catalogue's local values), resolves
    /// every service <c>AddKokBackend</c> registers and every options type it configures, and returns the keys read.
    /// </summary>
    private static IReadOnlyCollection<string> BackendReads()
    {
        var inner = new ConfigurationBuilder()
            .AddInMemoryCollection(SettingsCatalog.All
                .Where(s => s.LocalExample is not null)
                .Select(s => KeyValuePair.Create(s.Key, s.LocalExample)))
            .Build();
        var reads = new ConfigurationReads();
        var configuration = new RecordingConfiguration(inner, reads);

        AppComposition.ResolveAll(configuration);
        return reads.Keys;
    }
}
