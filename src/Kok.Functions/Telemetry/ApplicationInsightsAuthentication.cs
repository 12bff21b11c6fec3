using Azure.Core;
using Azure.Identity;

namespace Kok.Functions.Telemetry;

/// <summary>
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>, as the Functions host reads it: <c>Authorization=AAD</c> and,
/// for a user-assigned identity, <c>ClientId=…</c>. Set (the Bicep's <c>applicationInsightsEntraAuth</c>), the
/// worker's exporter authenticates with that managed identity too, since the component then refuses the key alone.
/// </summary>
public static class ApplicationInsightsAuthentication
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The credential the setting asks for; null when it is unset or empty (key-based ingestion).</summary>
    public static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{SettingName} must be Authorization=AAD[;ClientId=<client id of the managed identity>].");
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
