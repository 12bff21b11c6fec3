namespace Kok.Functions.Configuration;

/// <summary>
/// Every configuration key the app reads, so that a deployment cannot start with a setting missing. Tests hold it to
/// the code (every key <c>AddKokBackend</c> reads is listed here), to the Bicep (every key required in Azure is set
/// there, secrets as Key Vault references), and to local.settings.json.example and README.md. Reading a new key means
/// adding it here.
/// </summary>
public static class SettingsCatalog
{
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new("AzureWebJobsStorage",
            "Storage connection string for the Functions host and the app (Azurite locally); Azure uses the identity-based keys below instead, with no key.",
            SettingInAzure.Forbidden, IsSecret: false, LocalExample: "UseDevelopmentStorage=true"),
        new("AzureWebJobsStorage:tableServiceUri",
            "Table service endpoint, reached with the managed identity.",
            SettingInAzure.Required, IsSecret: false, LocalExample: null),
        new("AzureWebJobsStorage:queueServiceUri",
            "Queue service endpoint, reached with the managed identity.",
            SettingInAzure.Required, IsSecret: false, LocalExample: null),
        new("AzureWebJobsStorage:blobServiceUri",
            "Blob service endpoint, reached with the managed identity.",
            SettingInAzure.Required, IsSecret: false, LocalExample: null),
        new("AzureWebJobsStorage:clientId",
            "Client ID of the user-assigned managed identity used for storage.",
            SettingInAzure.Required, IsSecret: false, LocalExample: null),
        new("AzureWebJobsStorage:credential",
            "Tells the Functions host to use a managed identity for storage (managedidentity).",
            SettingInAzure.Required, IsSecret: false, LocalExample: null, SettingReader.Host),
        new("FUNCTIONS_WORKER_RUNTIME",
            "Tells Core Tools this is an isolated worker; on Flex Consumption the runtime comes from the site configuration instead.",
            SettingInAzure.Forbidden, IsSecret: false, LocalExample: "dotnet-isolated", SettingReader.Host),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING",
            "Application Insights to export OpenTelemetry to; unset, nothing is exported.",
            SettingInAzure.Required, IsSecret: false, LocalExample: null, SettingReader.Host),
        new("Website:Origins",
            "Website origins allowed by CORS on the public form endpoints, comma-separated.",
            SettingInAzure.Required, IsSecret: false, LocalExample: "http://127.0.0.1:7071"),
        new("Website:SuccessUrl",
            "Where Stripe Checkout sends the browser after payment.",
            SettingInAzure.Required, IsSecret: false, LocalExample: "http://127.0.0.1:7071/success.html"),
        new("Website:CancelUrl",
            "Where Stripe Checkout sends the browser after cancelling.",
            SettingInAzure.Required, IsSecret: false, LocalExample: "http://127.0.0.1:7071/cancel.html"),
        new("RateLimit:PermitLimit",
            "Attempts per client address on the public forms within the window (default 5).",
            SettingInAzure.Optional, IsSecret: false, LocalExample: "5"),
        new("RateLimit:WindowSeconds",
            "Sliding window of the rate limit in seconds (default 300).",
            SettingInAzure.Optional, IsSecret: false, LocalExample: "300"),
        new("RateLimit:ClientAddressHeader",
            "Header carrying the client address behind a trusted front end (X-Forwarded-For in Azure); empty = the connection address.",
            SettingInAzure.Required, IsSecret: false, LocalExample: ""),
        new("Staff:DevToken",
            "Local stand-in for staff sign-in (Authorization: Bearer <token>); empty = off. Never in Azure.",
            SettingInAzure.Forbidden, IsSecret: false, LocalExample: ""),
        new("Auth:TrustAppServicePrincipal",
            "Trust X-MS-CLIENT-PRINCIPAL from App Service Authentication; only where that is on.",
            SettingInAzure.Required, IsSecret: false, LocalExample: "false"),
        new("Auth:StaffRole",
            "App role that marks staff (default staff).",
            SettingInAzure.Required, IsSecret: false, LocalExample: "staff"),
    ];

    /// <summary>The entry for <paramref name="key"/> (':' or '__' separated, any case), or null.</summary>
    public static SettingDefinition? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = key.Replace("__", ":", StringComparison.Ordinal);
        return All.FirstOrDefault(s => string.Equals(s.Key, normalized, StringComparison.OrdinalIgnoreCase));
    }
}
