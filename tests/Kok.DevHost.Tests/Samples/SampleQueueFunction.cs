using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Tests.Samples;

public sealed class SampleQueueFunction(SampleInvocations invocations)
{
    [Function("SampleQueue")]
    public Task Run([QueueTrigger("%Samples:Queue%")] SampleOrder order, FunctionContext context)
    {
        invocations.Record("SampleQueue", order);
        return Task.CompletedTask;
    }
}
