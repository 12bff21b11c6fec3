using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Kok.DevHost.Functions;

/// <summary>
/// Polls one queue for one function like the WebJobs SDK's queue listener: receives up to <c>batchSize</c> messages
/// (invisible for 10 minutes while they run), runs them in parallel, fetches the next batch once no more than
/// <c>newBatchThreshold</c> are still running, and backs off while the queue is empty or storage fails.
/// The queue is created when missing. Polling waits use real time: a fake app clock must not stall the queues.
/// </summary>
internal sealed class QueueTriggerListener(
    FunctionDescriptor function,
    QueueMessageProcessor processor,
    QueuesSettings settings,
    Func<QueueMessage, CancellationToken, Task> invokeAsync,
    ILogger logger)
{
    /// <summary>How long a received message stays invisible while its function runs (the SDK's value).</summary>
    public static readonly TimeSpan ReceiveVisibilityTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ReceiveGraceOnStop = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken stopping)
    {
        var queue = processor.Queue;
        var backoff = new PollingBackoff(QueuesSettings.MinimumPollingInterval, settings.MaxPollingInterval, Random.Shared);
        var processing = new List<Task>();
        var queueReady = false;
        var foundSinceLastDelay = false;
        var failing = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                QueueMessage[] batch;
                try
                {
                    if (!queueReady)
                    {
                        await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
                        queueReady = true;
                    }

                    batch = await ReceiveAsync(queue, stopping);
                    if (stopping.IsCancellationRequested)
                    {
                        await ReleaseAsync(queue, batch);
                        break;
                    }

                    if (failing)
                    {
                        logger.LogInformation("Queue '{Queue}' of 'Functions.{Function}' is reachable again.", queue.Name, function.Name);
                        failing = false;
                    }
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // Any failure may mean the queue was deleted: check (and create) it again on the next poll.
                    queueReady = false;
                    if (!failing)
                    {
                        logger.LogWarning("Polling queue '{Queue}' of 'Functions.{Function}' failed ({Problem}); retrying with back-off.",
                            queue.Name, function.Name, Describe(ex));
                        failing = true;
                    }

                    await Task.Delay(backoff.Next(false), stopping);
                    continue;
                }

                if (batch.Length == 0)
                {
                    await Task.Delay(backoff.Next(foundSinceLastDelay), stopping);
                    foundSinceLastDelay = false;
                    continue;
                }

                foreach (var message in batch)
                {
                    processing.Add(Task.Run(() => ProcessAsync(message, stopping), CancellationToken.None));
                }

                foundSinceLastDelay = true;
                processing.RemoveAll(task => task.IsCompleted);
                while (processing.Count > settings.NewBatchThreshold)
                {
                    processing.Remove(await Task.WhenAny(processing));
                }
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Host stopping. A storage call cut short by the stop does not always throw OperationCanceledException:
            // the SDK may report its retries as an AggregateException, or a 404 may arrive just as the stop begins.
            // Letting it escape would fail the host's StopAsync.
        }
        finally
        {
            await Task.WhenAll(processing);
        }
    }

    /// <summary>
    /// Receives a batch. Not cut short by the stop at once: a receive cancelled while storage already answered would
    /// leave its messages invisible for <see cref="ReceiveVisibilityTimeout"/>, out of reach of every other host.
    /// </summary>
    private async Task<QueueMessage[]> ReceiveAsync(QueueClient queue, CancellationToken stopping)
    {
        using var receiving = new CancellationTokenSource();
        using var onStop = stopping.Register(() => receiving.CancelAfter(ReceiveGraceOnStop));
        return (await queue.ReceiveMessagesAsync(settings.BatchSize, ReceiveVisibilityTimeout, receiving.Token)).Value;
    }

    /// <summary>A batch received as the host stops goes back at once, for the next host (as a failed run does).</summary>
    private async Task ReleaseAsync(QueueClient queue, QueueMessage[] batch)
    {
        foreach (var message in batch)
        {
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning("Releasing message {MessageId} of queue '{Queue}' on stop failed ({Problem}).", message.MessageId, queue.Name, Describe(ex));
            }
        }
    }

    internal async Task ProcessAsync(QueueMessage message, CancellationToken stopping)
    {
        try
        {
            if (!await processor.BeginProcessingAsync(message, CancellationToken.None))
            {
                return;
            }

            bool succeeded;
            try
            {
                await invokeAsync(message, stopping);
                succeeded = true;
            }
            catch (Exception)
            {
                // The invoker logged it (exception type and message id).
                succeeded = false;
            }

            // Not cancelled by shutdown: a finished run's outcome must still reach the queue.
            await processor.CompleteProcessingAsync(message, succeeded, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError("Settling message {MessageId} of queue '{Queue}' failed ({Problem}).", message.MessageId, processor.Queue.Name, Describe(ex));
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        RequestFailedException rfe => $"HTTP {rfe.Status} {rfe.ErrorCode}",
        AggregateException { InnerException: { } inner } => Describe(inner),
        HttpRequestException hre => $"{nameof(HttpRequestException)}: {hre.HttpRequestError}",
        _ => ex.GetType().Name,
    };
}
