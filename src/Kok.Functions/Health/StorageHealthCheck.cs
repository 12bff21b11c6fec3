using Azure.Data.Tables;
using Kok.Functions.Storage;

namespace Kok.Functions.Health;

/// <summary>
/// Asks Table Storage for one page of its table list. A dedicated client without retries and with a short timeout
/// keeps the probe from hanging when storage is down: a health check must answer, not wait.
/// </summary>
public sealed class StorageHealthCheck(StorageClients clients)
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly TableServiceClient _probe = clients.CreateTableServiceClient(retries: 0, networkTimeout: Timeout);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        try
        {
            await foreach (var page in _probe.QueryAsync(maxPerPage: 1, cancellationToken: cts.Token).AsPages())
            {
                break;
            }

            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException
                                       or Azure.Identity.AuthenticationFailedException or AggregateException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
    }
}
