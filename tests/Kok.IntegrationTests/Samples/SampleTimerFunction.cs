using Microsoft.Azure.Functions.Worker;

namespace Kok.IntegrationTests.Samples;

public sealed class SampleTimerFunction(SampleCalls calls)
{
    [Function("SampleNightlyTimer")]
    public void Run([TimerTrigger("%Samples:NightlySchedule%")] TimerInfo timer) => calls.Record("SampleNightlyTimer", timer);
}
