using Kok.Functions.Health;
using Kok.Functions.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Startup;

/// <summary>
/// Creates the app's tables, queues and blob containers (<see cref="StorageLayout.App"/>) while the host starts, in
/// both hosts (the Functions worker and DevHost run hosted services alike), so that no request pays for creating
/// them; it also opens the storage connections and fetches the managed identity's token before the first request.
/// Bounded: each request fails fast (no retries, the health check's timeout) and the whole step gives up after
/// <see cref="Budget"/>. Storage away at start does not stop the host: it logs a warning, the health check answers
/// 503, and whatever could not be created is created on first use (<see cref="StorageClients.TableAsync"/>).
/// </summary>
public sealed partial class StorageProvisioning(StorageClients storage, ILogger<StorageProvisioning> logger) : IHostedService
{
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            await storage.ProvisionAsync(StorageLayout.App, StorageHealthCheck.Timeout, budget.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the exception's type: a message may carry an endpoint with a SAS token.
            LogNotProvisioned(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Storage did not answer at start ({Reason}): tables, queues and containers are created on first use instead.")]
    private static partial void LogNotProvisioned(ILogger logger, string reason);
}
