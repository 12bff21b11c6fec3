namespace Kok.Functions.Storage.Saving;

/// <summary>
/// How many deferred refreshes one process runs at a time. The host hands a queue function up to
/// <c>batchSize + newBatchThreshold</c> messages at once; refreshes are what only staff read, so in a burst they must
/// not take the storage account and the cores from the requests payers and Stripe wait on. The messages the host
/// holds meanwhile stay invisible; the dashboard catches up when the burst is over.
/// </summary>
public sealed class ProjectionRefreshGate : IDisposable
{
    public const int MaxConcurrent = 2;

    private readonly SemaphoreSlim slots = new(MaxConcurrent, MaxConcurrent);

    public async Task RunAsync(Func<Task> refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        await slots.WaitAsync(cancellationToken);
        try
        {
            await refresh();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
