using Kok.Domain.Common;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Storage;

/// <summary>
/// The one way every queue function treats its messages (each passes its queue, its parser and its use case):
/// <list type="bullet">
/// <item>A message that cannot be parsed (parse answers null: not JSON, ids missing or malformed) can never succeed:
/// it goes to <c>&lt;queue&gt;-poison</c> at once. Its length is logged, never its content, which may hold anything.</item>
/// <item>So does a message that names a subject that does not exist (<see cref="UnprocessableMessageException"/>);
/// the exception's reason (kinds and ids only) is logged.</item>
/// <item>"Not yet" (<see cref="NotYetException"/>: the message overtook the save that makes it due, or another worker
/// is on the same mail) puts the message back for later (<see cref="QueuePutBack"/>) without spending a delivery.</item>
/// <item>Anything else (storage, SendGrid or Stripe failing) is rethrown: the host retries the message up to
/// host.json's <c>maxDequeueCount</c> and then moves it to the poison queue itself.</item>
/// </list>
/// Moving a message to the poison queue completes the delivery, so the host deletes the original: one attempt, one
/// copy where staff see it (the dashboard counts the poison queues and can send their messages back).
/// </summary>
public sealed partial class QueueMessageHandler(StorageClients storage, QueuePutBack putBack, ILogger<QueueMessageHandler> logger)
{
    public const string PoisonSuffix = "-poison";

    public async Task HandleAsync<TRequest>(
        string queueName,
        string? message,
        Func<string?, TRequest?> parse,
        Func<TRequest, Task> handle,
        CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(handle);
        if (message is null || parse(message) is not { } request)
        {
            LogUnreadable(logger, queueName, message?.Length ?? 0, queueName + PoisonSuffix);
            await MoveToPoisonAsync(storage, queueName, message ?? string.Empty, cancellationToken);
            return;
        }

        try
        {
            await handle(request);
        }
        catch (NotYetException)
        {
            await putBack.PutBackAsync(queueName, message, cancellationToken);
        }
        catch (UnprocessableMessageException ex)
        {
            LogUnprocessable(logger, queueName, ex.Message, queueName + PoisonSuffix);
            await MoveToPoisonAsync(storage, queueName, message, cancellationToken);
        }
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="queueName"/>'s poison queue (created on first use).</summary>
    internal static async Task MoveToPoisonAsync(StorageClients storage, string queueName, string message, CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(queueName + PoisonSuffix);
        await poison.SendMessageAsync(message, cancellationToken);
    }

    // "Moving message to queue '…'" are the Functions host's words when it parks a message; the poison-queue alert
    // (infra/bicep/modules/alerts.bicep) looks for them, so messages parked here alert staff the same way.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable message of {Queue} ({Length} characters). Moving message to queue '{PoisonQueue}'.")]
    private static partial void LogUnreadable(ILogger logger, string queue, int length, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message of {Queue} can never succeed ({Reason}). Moving message to queue '{PoisonQueue}'.")]
    private static partial void LogUnprocessable(ILogger logger, string queue, string reason, string poisonQueue);
}
