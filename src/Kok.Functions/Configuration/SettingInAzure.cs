namespace Kok.Functions.Configuration;

/// <summary>Whether the Bicep (infra/bicep) must, may or must not set a setting in Azure.</summary>
public enum SettingInAzure
{
    /// <summary>The Bicep sets it; the app cannot run correctly in Azure without it.</summary>
    Required,

    /// <summary>The app has a sensible default; the Bicep may set it.</summary>
    Optional,

    /// <summary>Local only (a stand-in, a key-based connection string, a test endpoint); never set in Azure.</summary>
    Forbidden,
}
