using Azure;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Sends parked messages back: receives from <c>{queue}-poison</c> in batches of 32 (hidden for a few minutes), sends
/// each body unchanged to <c>{queue}</c>, then deletes it from the poison queue. A crash between send and delete
/// leaves the message in both; it becomes visible in the poison queue again and is requeued once more, which the
/// idempotent consumers absorb. At most <see cref="MaxPerCall"/> messages per call, so a consumer that keeps
/// failing (and parks them again) cannot keep the call going forever. Cost: per batch one receive, and per message
/// one send and one delete.
/// </summary>
public sealed class StoragePoisonQueues(StorageClients storage) : IPoisonQueues
{
    public const int MaxPerCall = 1000;
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    public IReadOnlyCollection<string> WorkQueues => StoragePoisonQueueMonitor.WorkQueues;

    public async Task<int> RequeueAsync(string queue, CancellationToken cancellationToken)
    {
        if (!WorkQueues.Contains(queue, StringComparer.Ordinal))
        {
            throw new ArgumentException("Not one of the app's work queues.", nameof(queue));
        }

        var poison = storage.Queue(queue + "-poison");
        var target = await storage.QueueAsync(queue);
        var requeued = 0;
        while (requeued < MaxPerCall)
        {
            Azure.Storage.Queues.Models.QueueMessage[] batch;
            try
            {
                batch = (await poison.ReceiveMessagesAsync(Math.Min(32, MaxPerCall - requeued), Hidden, cancellationToken)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No message was ever parked: the poison queue does not exist yet.
                break;
            }

            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                requeued++;
            }
        }

        return requeued;
    }
}
