using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using System.Collections.Concurrent;

namespace Kok.Functions.Storage;

/// <summary>
/// Creates the app's storage clients from <see cref="StorageSettings"/>. Extra pipeline policies registered in DI
/// (such as <see cref="StorageTransactionCounter"/> in tests) are attached to every client it makes. The app's
/// clients retry as the SDK does (tables 3 times, queues and blobs 5, exponential from 0.8 s), except within an HTTP
/// request, which runs under <see cref="StorageBudget.Interactive"/>.
/// </summary>
public sealed class StorageClients
{
    private readonly StorageSettings _settings;
    private readonly HttpPipelinePolicy[] _policies;
    private readonly Lazy<TokenCredential> _credential;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _ensured = new(StringComparer.Ordinal);

    public StorageClients(StorageSettings settings, IEnumerable<HttpPipelinePolicy> policies)
    {
        _settings = settings;
        _policies = policies.ToArray();
        _credential = new Lazy<TokenCredential>(() => string.IsNullOrEmpty(settings.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId)));
        Tables = CreateTableServiceClient(Budgeted(new TableClientOptions { Retry = { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(30) } }));
        // Base64 matches host.json's "messageEncoding": the queue trigger decodes what we enqueue.
        Queues = CreateQueueServiceClient(Budgeted(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        Blobs = CreateBlobServiceClient();
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    /// <summary>
    /// The table, created on first use in this process. Creating lazily keeps start-up free of storage calls (the
    /// app must start even while storage is briefly away) and costs one round trip per table per process.
    /// </summary>
    public async Task<TableClient> TableAsync(string name)
    {
        var table = Table(name);
        await EnsureAsync("table:" + name, () => table.CreateIfNotExistsAsync(CancellationToken.None));
        return table;
    }

    /// <summary>The queue, created on first use in this process.</summary>
    public async Task<QueueClient> QueueAsync(string name)
    {
        var queue = Queue(name);
        await EnsureAsync("queue:" + name, () => queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        return queue;
    }

    /// <summary>The blob container, created on first use in this process.</summary>
    public async Task<BlobContainerClient> ContainerAsync(string name)
    {
        var container = Blobs.GetBlobContainerClient(name);
        await EnsureAsync("container:" + name, () => container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        return container;
    }

    private async Task EnsureAsync(string key, Func<Task> create)
    {
        var lazy = _ensured.GetOrAdd(key, _ => new Lazy<Task>(create));
        var creation = lazy.Value;
        try
        {
            // Under a storage budget (an HTTP request) wait no longer than it allows, also for a creation that a
            // queue function started with the SDK's patient retries.
            await (StorageBudget.Current is { } budget ? creation.WaitAsync(budget.PerOperation) : creation);
        }
        catch when (creation.IsCompleted)
        {
            // A failed creation (storage away) must be retried by the next caller, not cached.
            _ensured.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, lazy));
            throw;
        }
    }

    /// <summary>A table client that fails fast (no retries, short timeout), for health probes.</summary>
    public TableServiceClient CreateTableServiceClient(int retries, TimeSpan networkTimeout) =>
        CreateTableServiceClient(new TableClientOptions { Retry = { MaxRetries = retries, NetworkTimeout = networkTimeout } });

    private TableServiceClient CreateTableServiceClient(TableClientOptions options)
    {
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
        var options = Budgeted(new BlobClientOptions());
        AddPolicies(options);
        if (_settings.ConnectionString is { } cs)
        {
            return new BlobServiceClient(cs, options);
        }

        return new BlobServiceClient(Require(_settings.BlobServiceUri, "blobServiceUri"), _credential.Value, options);
    }

    /// <summary>The SDK's retries as <paramref name="options"/> set them, cut short under a <see cref="StorageBudget"/>.</summary>
    private static TOptions Budgeted<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        options.RetryPolicy = new BudgetedRetryPolicy(options.Retry);
        return options;
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
