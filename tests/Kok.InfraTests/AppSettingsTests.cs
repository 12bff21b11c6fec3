using Kok.Functions.Configuration;

namespace Kok.InfraTests;

/// <summary>The Bicep's app settings against the settings catalogue: a deployment cannot start with a setting missing.</summary>
[Collection(BicepTemplateGroup.Name)]
public sealed class AppSettingsTests(BicepBuild build)
{
    /// <summary>
    /// Settings the Bicep already sets for features that other branches are adding; each moves into
    /// SettingsCatalog (with its description, secrecy and local value) once the code that reads it lands.
    /// </summary>
    private static readonly string[] PendingSettings =
    [

    ];

    [Fact]
    public void Every_setting_required_in_azure_is_set_by_the_bicep()
    {
        var missing = SettingsCatalog.All
            .Where(s => s.InAzure == SettingInAzure.Required && !build.AppSettings.ContainsKey(s.EnvironmentName))
            .Select(s => s.EnvironmentName)
            .ToArray();

        Assert.True(missing.Length == 0, "infra/bicep/modules/function-app.bicep does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_secret_in_the_catalogue_is_a_key_vault_reference()
    {
        foreach (var secret in SettingsCatalog.All.Where(s => s.IsSecret))
        {
            Assert.True(build.AppSettings.TryGetValue(secret.EnvironmentName, out var value), $"{secret.EnvironmentName} is not set.");
            Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Settings_for_local_use_only_are_never_set_in_azure()
    {
        var present = SettingsCatalog.All
            .Where(s => s.InAzure == SettingInAzure.Forbidden && build.AppSettings.ContainsKey(s.EnvironmentName))
            .Select(s => s.EnvironmentName)
            .ToArray();

        Assert.Empty(present);
        Assert.DoesNotContain(build.AppSettings.Keys, k => k.EndsWith("__ApiBase", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_app_setting_is_in_the_catalogue_or_pending()
    {
        var unknown = build.AppSettings.Keys
            .Where(k => SettingsCatalog.Find(k) is null && !PendingSettings.Contains(k, StringComparer.Ordinal))
            .ToArray();

        Assert.True(unknown.Length == 0, "The Bicep sets settings nothing reads (typo?): " + string.Join(", ", unknown));
        Assert.All(PendingSettings, p => Assert.Contains(p, build.AppSettings.Keys));
    }
}
