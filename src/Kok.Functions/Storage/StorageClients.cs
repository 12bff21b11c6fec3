using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Kok.Functions.Storage;

/// <summary>
/// Creates the app's storage clients from <see cref="StorageSettings"/>. Extra pipeline policies registered in DI
/// (such as <see cref="StorageTransactionCounter"/> in tests) are attached to every client it makes.
/// </summary>
public sealed class StorageClients
{
    private readonly StorageSettings _settings;
    private readonly HttpPipelinePolicy[] _policies;
    private readonly Lazy<TokenCredential> _credential;

    public StorageClients(StorageSettings settings, IEnumerable<HttpPipelinePolicy> policies)
    {
        _settings = settings;
        _policies = policies.ToArray();
        _credential = new Lazy<TokenCredential>(() => string.IsNullOrEmpty(settings.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId)));
        Tables = CreateTableServiceClient(retries: 3, networkTimeout: TimeSpan.FromSeconds(30));
        // Base64 matches host.json's "messageEncoding": the queue trigger decodes what we enqueue.
        Queues = CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Blobs = CreateBlobServiceClient();
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    /// <summary>A table client that fails fast (no retries, short timeout), for health probes.</summary>
    public TableServiceClient CreateTableServiceClient(int retries, TimeSpan networkTimeout)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = retries;
        options.Retry.NetworkTimeout = networkTimeout;
        AddPolicies(options);
        if (_settings.ConnectionString is { } cs)
        {
            return new TableServiceClient(cs, options);
        }

        return new TableServiceClient(Require(_settings.TableServiceUri, "tableServiceUri"), _credential.Value, options);
    }

    /// <summary>
    /// A queue client with caller-chosen options (message encoding, decoding-failure handler) on the same account,
    /// credentials and extra pipeline policies as <see cref="Queues"/>; DevHost's queue trigger uses it.
    /// </summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AddPolicies(options);
        if (_settings.ConnectionString is { } cs)
        {
            return new QueueServiceClient(cs, options);
        }

        return new QueueServiceClient(Require(_settings.QueueServiceUri, "queueServiceUri"), _credential.Value, options);
    }

    private BlobServiceClient CreateBlobServiceClient()
    {
        var options = new BlobClientOptions();
        AddPolicies(options);
        if (_settings.ConnectionString is { } cs)
        {
            return new BlobServiceClient(cs, options);
        }

        return new BlobServiceClient(Require(_settings.BlobServiceUri, "blobServiceUri"), _credential.Value, options);
    }

    private void AddPolicies(ClientOptions options)
    {
        foreach (var policy in _policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
    }

    private static Uri Require(Uri? uri, string name) =>
        uri ?? throw new InvalidOperationException(
            $"Storage is not configured: set {StorageSettings.SectionName} (a connection string) or {StorageSettings.SectionName}__{name}.");
}
