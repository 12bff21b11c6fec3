using Kok.Domain.Dashboard;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Counts an aggregate's contribution to the dashboard totals after each successful write (<see cref="IDashboardTotals"/>
/// keeps each entity's last contribution, so a redelivered event adds nothing; a failed write contributes nothing).
/// A new aggregate that contributes nothing yet (a donation before its first payment) spares the read.
/// No personal data: counts and cents per month.
/// </summary>
internal sealed class DashboardTotalsProjection<TAggregate>(
    IDashboardTotals totals,
    Func<TAggregate, string> idOf,
    Func<TAggregate, DashboardContribution> contributionOf,
    Func<TAggregate, bool> contributesNothingYet) : IProjection<TAggregate>
{
    public string Name => "totals";

    public ProjectionPhase Phase => ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(TAggregate aggregate) => null;

    public Task AfterWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken) =>
        save.IsNew && contributesNothingYet(save.Aggregate)
            ? Task.CompletedTask
            : totals.ApplyAsync(idOf(save.Aggregate), contributionOf(save.Aggregate), cancellationToken);
}
