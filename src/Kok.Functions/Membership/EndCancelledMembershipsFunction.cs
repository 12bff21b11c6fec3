using Kok.Domain.Membership;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Membership;

/// <summary>
/// Daily at 02:30 UTC (after midnight in Berlin): ends cancelled memberships whose paid period is over. Runs again
/// harmlessly; a missed day is caught up, since it takes every ending due up to today.
/// </summary>
public sealed class EndCancelledMembershipsFunction(EndCancelledMemberships endCancelled, ILogger<EndCancelledMembershipsFunction> logger)
{
    public const string Schedule = "0 30 2 * * *";

    [Function("EndCancelledMemberships")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var ended = await endCancelled.ExecuteAsync(cancellationToken);
        logger.LogInformation("Ended {Count} cancelled memberships whose paid period is over", ended);
    }
}
