using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Tests.Samples;

public sealed class SampleTimerFunction(SampleInvocations invocations)
{
    [Function("SampleTimer")]
    public void Run([TimerTrigger("%Samples:Schedule%")] TimerInfo timer) => invocations.Record("SampleTimer", timer);
}
