using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Kok.DevHost.Functions;
using Kok.Functions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Kok.DevHost.Tests;

/// <summary>How the queue listener ends when the host stops while a storage call is under way.</summary>
public class QueueTriggerListenerTests
{
    private static readonly FunctionDescriptor Function =
        FunctionCatalog.Discover([typeof(KokServiceCollectionExtensions).Assembly]).First(f => f.Name == "ReceiptMail");

    public static TheoryData<string> StopFailures => new() { "aggregate", "not-found", "cancelled" };

    [Theory]
    [MemberData(nameof(StopFailures))]
    public async Task A_storage_call_failing_because_the_host_stops_ends_the_listener_quietly(string failure)
    {
        using var stopping = new CancellationTokenSource();
        var queue = new Mock<QueueClient> { DefaultValue = DefaultValue.Mock };
        queue.SetupGet(q => q.Name).Returns("receipt-mail");
        queue.Setup(q => q.CreateIfNotExistsAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                // The stop begins while the request is in flight; the SDK then reports it in one of its ways.
                await stopping.CancelAsync();
                throw failure switch
                {
                    "aggregate" => new AggregateException("Retry failed after 2 tries.",
                        new RequestFailedException("Connection refused"), new TaskCanceledException()),
                    "not-found" => new RequestFailedException(404, "The specified queue does not exist.", "QueueNotFound", null),
                    _ => new OperationCanceledException(stopping.Token),
                };
            });
        var processor = new QueueMessageProcessor(queue.Object, null, QueuesSettings.Default, NullLogger.Instance);
        var listener = new QueueTriggerListener(Function, processor, QueuesSettings.Default,
            (_, _) => Task.CompletedTask, NullLogger.Instance);

        await listener.RunAsync(stopping.Token);

        Assert.DoesNotContain(queue.Invocations, i => i.Method.Name == nameof(QueueClient.ReceiveMessagesAsync));
    }
}
