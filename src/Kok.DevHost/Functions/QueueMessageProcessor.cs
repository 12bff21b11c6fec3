using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Kok.DevHost.Functions;

/// <summary>
/// What happens to a queue message around its invocation, as in the WebJobs SDK's <c>QueueProcessor</c>:
/// a message received with a dequeue count above <c>maxDequeueCount</c> goes to the poison queue without running;
/// after success it is deleted; after a failure it goes to the poison queue once its dequeue count has reached
/// <c>maxDequeueCount</c>, else it becomes visible again after <c>visibilityTimeout</c>. A queue that has no poison
/// queue (its name ends in "-poison" or is too long for the suffix) keeps a failed message invisible instead.
/// </summary>
internal sealed class QueueMessageProcessor(QueueClient queue, QueueClient? poisonQueue, QueuesSettings settings, ILogger logger)
{
    public const string PoisonSuffix = "-poison";
    private const int MaxQueueNameLength = 63;

    public QueueClient Queue => queue;

    public QueueClient? PoisonQueue => poisonQueue;

    public static string? PoisonQueueNameFor(string queueName) =>
        queueName.EndsWith(PoisonSuffix, StringComparison.Ordinal) || queueName.Length + PoisonSuffix.Length > MaxQueueNameLength
            ? null
            : queueName + PoisonSuffix;

    /// <summary>False when the message must not run: it was already poison on arrival.</summary>
    public async Task<bool> BeginProcessingAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await HandlePoisonMessageAsync(message, cancellationToken);
            return false;
        }

        return true;
    }

    public async Task CompleteProcessingAsync(QueueMessage message, bool succeeded, CancellationToken cancellationToken)
    {
        if (succeeded)
        {
            await DeleteAsync(message, cancellationToken);
        }
        else if (poisonQueue is not null)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await HandlePoisonMessageAsync(message, cancellationToken);
            }
            else
            {
                await ReleaseAsync(message, cancellationToken);
            }
        }

        // Without a poison queue the message stays invisible until the receive's visibility timeout ends, which
        // keeps a failing message from spinning in a fast loop.
    }

    /// <summary>Copies the message body to the poison queue (created on first use), then deletes the original.</summary>
    public async Task HandlePoisonMessageAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (poisonQueue is null)
        {
            return;
        }

        logger.LogWarning("Message {MessageId} has reached MaxDequeueCount of {MaxDequeueCount}. Moving message to queue '{PoisonQueue}'.",
            message.MessageId, settings.MaxDequeueCount, poisonQueue.Name);
        await SendCreatingQueueAsync(poisonQueue, message.Body, cancellationToken);
        await DeleteAsync(message, cancellationToken);
    }

    public static async Task SendCreatingQueueAsync(QueueClient target, BinaryData body, CancellationToken cancellationToken)
    {
        try
        {
            await target.SendMessageAsync(body, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await target.SendMessageAsync(body, cancellationToken: cancellationToken);
        }
    }

    private async Task ReleaseAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout,
                cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (IsGoneOrTakenOver(ex))
        {
            // Someone else owns the message now, or it or its queue is gone: nothing to release.
        }
    }

    private async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (IsGoneOrTakenOver(ex))
        {
            logger.LogDebug("Could not delete message {MessageId} from queue '{Queue}': {ErrorCode}.", message.MessageId, queue.Name, ex.ErrorCode);
        }
    }

    private static bool IsGoneOrTakenOver(RequestFailedException ex) =>
        (ex.Status == 400 && ex.ErrorCode == QueueErrorCode.PopReceiptMismatch) ||
        (ex.Status == 404 && (ex.ErrorCode == QueueErrorCode.MessageNotFound || ex.ErrorCode == QueueErrorCode.QueueNotFound)) ||
        (ex.Status == 409 && (ex.ErrorCode == QueueErrorCode.QueueBeingDeleted || ex.ErrorCode == QueueErrorCode.QueueDisabled));
}
