using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Kok.IntegrationTests.Samples;

/// <summary>Queue functions for the trigger's retry and poison behaviour; each test names its queues by settings.</summary>
public sealed class SampleQueueFunctions(SampleCalls calls)
{
    [Function("SampleOrderQueue")]
    public void Order([QueueTrigger("%Samples:OrderQueue%")] SampleOrder order, FunctionContext context) =>
        calls.Record("SampleOrderQueue", order);

    [Function("SampleTextQueue")]
    public void Text([QueueTrigger("%Samples:TextQueue%")] string text) => calls.Record("SampleTextQueue", text);

    /// <summary>Fails the first two times it sees a message, then succeeds.</summary>
    [Function("SampleFlakyQueue")]
    public Task Flaky([QueueTrigger("%Samples:FlakyQueue%")] string body, CancellationToken cancellationToken)
    {
        var attempt = calls.Record("SampleFlakyQueue", body);
        return attempt <= 2 ? throw new InvalidOperationException($"attempt {attempt} fails") : Task.CompletedTask;
    }

    [Function("SampleFailingQueue")]
    public void Failing([QueueTrigger("%Samples:FailingQueue%")] QueueMessage message)
    {
        calls.Record("SampleFailingQueue", message.DequeueCount);
        calls.Record("SampleFailingQueue.MessageId", message.MessageId);
        throw new InvalidOperationException("always fails");
    }
}
