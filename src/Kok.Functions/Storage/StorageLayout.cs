using Kok.Functions.Dashboard;
using Kok.Functions.Receipts;

namespace Kok.Functions.Storage;

/// <summary>The tables, queues and blob containers an app needs before it serves its first request.</summary>
public sealed record StorageLayout(IReadOnlyList<string> Tables, IReadOnlyList<string> Queues, IReadOnlyList<string> Containers)
{
    /// <summary>
    /// This app's: every table, every work queue with its <c>-poison</c> queue (the dashboard counts those on every
    /// summary), and the receipts container.
    /// </summary>
    public static StorageLayout App { get; } = new(
        TableNames.All,
        [.. WorkQueues, .. WorkQueues.Select(q => q + "-poison")],
        [BlobReceiptArchive.ContainerName]);

    /// <summary>The queues the dashboard watches, and the save pipeline's own (its poison queue alerts operations).</summary>
    private static IReadOnlyList<string> WorkQueues => [.. StoragePoisonQueueMonitor.WorkQueues, Saving.DeferredRefresh.QueueName];
}
