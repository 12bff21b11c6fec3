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
        Blobs = CreateBlobServiceClient(Budgeted(new BlobClientOptions()));
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    /// <summary>
    /// The table, created once per process: by <see cref="ProvisionAsync"/> at start, or here on first use when that
    /// could not reach storage (the app must start even while storage is briefly away). Once created, no round trip.
    /// </summary>
    public async Task<TableClient> TableAsync(string name)
    {
        var table = Table(name);
        await EnsureAsync(TableKey(name), () => table.CreateIfNotExistsAsync(CancellationToken.None));
        return table;
    }

    /// <summary>The queue, created once per process (at start, or on first use).</summary>
    public async Task<QueueClient> QueueAsync(string name)
    {
        var queue = Queue(name);
        await EnsureAsync(QueueKey(name), () => queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        return queue;
    }

    /// <summary>The blob container, created once per process (at start, or on first use).</summary>
    public async Task<BlobContainerClient> ContainerAsync(string name)
    {
        var container = Blobs.GetBlobContainerClient(name);
        await EnsureAsync(ContainerKey(name), () => container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        return container;
    }

    /// <summary>
    /// Creates what <paramref name="layout"/> names, all at once, with clients that fail fast (no retries, the health
    /// check's timeout), and remembers each success so that <see cref="TableAsync"/> and its siblings make no round
    /// trip for it afterwards. Idempotent: what exists is left as it is. Throws when any creation fails; what failed
    /// is created on first use instead.
    /// </summary>
    public Task ProvisionAsync(StorageLayout layout, TimeSpan networkTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var tables = CreateTableServiceClient(retries: 0, networkTimeout);
        var queues = CreateQueueServiceClient(new QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = networkTimeout } });
        var blobs = CreateBlobServiceClient(new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = networkTimeout } });
        return Task.WhenAll(layout.Tables
            .Select(name => EnsureAsync(TableKey(name), () => tables.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken)))
            .Concat(layout.Queues.Select(name =>
                EnsureAsync(QueueKey(name), () => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken))))
            .Concat(layout.Containers.Select(name =>
                EnsureAsync(ContainerKey(name), () => blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))));
    }

    private static string TableKey(string name) => "table:" + name;

    private static string QueueKey(string name) => "queue:" + name;

    private static string ContainerKey(string name) => "container:" + name;

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

    private BlobServiceClient CreateBlobServiceClient(BlobClientOptions options)
    {
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
