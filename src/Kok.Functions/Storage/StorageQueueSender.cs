using System.Text.Json;

namespace Kok.Functions.Storage;

/// <summary>
/// Puts small JSON messages on Azure Storage queues (one round trip each). The adapters behind the domain's queue
/// ports use it, so swapping Storage Queues for Service Bus means replacing this class alone.
/// </summary>
public sealed class StorageQueueSender(StorageClients storage)
{
    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, null, cancellationToken);

    /// <summary>Sends <paramref name="message"/>, invisible to consumers for <paramref name="delay"/> when given.</summary>
    public async Task SendAsync<T>(string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(queueName);
        await queue.SendMessageAsync(
            JsonSerializer.Serialize(message, KokJson.Options), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
