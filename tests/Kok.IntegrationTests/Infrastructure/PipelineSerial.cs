namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that read or clear the app's fixed-name queues (receipt-mail, welcome-mail, …), run the daily end run over
/// the shared endings index, or compare shared totals
/// run one after another, so one test's messages never show up in another's counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PipelineSerial
{
    public const string Name = "Pipeline";
}
