using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Storage;

/// <summary>
/// Where the app's tables, queues and blobs live. Read from the same <c>AzureWebJobsStorage</c> setting the Functions
/// host uses: a connection string locally (Azurite), or identity-based service URIs in Azure
/// (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__blobServiceUri</c>, <c>__credential</c>,
/// <c>__clientId</c>) so no storage key is ever configured there.
/// </summary>
public sealed record StorageSettings(
    string? ConnectionString,
    Uri? TableServiceUri,
    Uri? QueueServiceUri,
    Uri? BlobServiceUri,
    string? ManagedIdentityClientId)
{
    public const string SectionName = "AzureWebJobsStorage";

    public static StorageSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var connectionString = section.Value;
        return new StorageSettings(
            string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            UriOrNull(section["tableServiceUri"]),
            UriOrNull(section["queueServiceUri"]),
            UriOrNull(section["blobServiceUri"]),
            section["clientId"]);
    }

    private static Uri? UriOrNull(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
