using System.Text.Json;

namespace Kok.Functions.Storage;

/// <summary>
/// Puts small JSON messages on Azure Storage queues (one round trip each). The adapters behind the domain's queue
/// ports use it, so swapping Storage Queues for Service Bus means replacing this class alone.
/// </summary>
public sealed class StorageQueueSender(StorageClients storage)
{
    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(queueName);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, KokJson.Options), cancellationToken);
    }
}
