namespace Kok.Functions.Configuration;

/// <summary>
/// One configuration key the app reads.
/// </summary>
/// <param name="Key">Configuration key with ':' between sections (<c>Website:Origins</c>).</param>
/// <param name="Description">What it means, in one sentence.</param>
/// <param name="InAzure">Whether the Bicep must, may or must not set it.</param>
/// <param name="IsSecret">A secret: in Azure a Key Vault reference, never a plain value.</param>
/// <param name="LocalExample">The value in local.settings.json.example; null when it is not set locally.</param>
/// <param name="ReadBy">Who reads it.</param>
public sealed record SettingDefinition(
    string Key,
    string Description,
    SettingInAzure InAzure,
    bool IsSecret,
    string? LocalExample,
    SettingReader ReadBy = SettingReader.Backend)
{
    /// <summary>The name as an environment variable or app setting (<c>Website__Origins</c>).</summary>
    public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);
}
