using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Tests.Samples;

public sealed class SampleStartupTimerFunction(SampleInvocations invocations)
{
    [Function("SampleStartupTimer")]
    public Task Run([TimerTrigger("%Samples:StartupSchedule%", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        invocations.Record("SampleStartupTimer", timer);
        return Task.CompletedTask;
    }
}
