namespace Kok.Domain.Dashboard;

/// <summary>
/// The running dashboard totals. Besides the totals it keeps, per entity, the contribution last applied, so that
/// <see cref="ApplyAsync"/> moves the totals by the difference only: applying the same entity state again (a
/// redelivered message, a retried save) moves nothing. Adapters write an entity's remembered contribution and the
/// totals it moved in one atomic step.
/// </summary>
public interface IDashboardTotals
{
    /// <summary>
    /// Makes <paramref name="contribution"/> the contribution of <paramref name="entityId"/>. Call it after the entity
    /// itself was stored: a failed entity write then contributes nothing, and a crash in between is repaired by the
    /// entity's next save or by <see cref="RebuildAsync"/>.
    /// </summary>
    Task ApplyAsync(string entityId, DashboardContribution contribution, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ApplyAsync(string, DashboardContribution, CancellationToken)"/>, for the entity as stored at
    /// <paramref name="revision"/> (counted up by each of its saves): moves nothing when a contribution of the same or
    /// a later revision was applied already, so refreshes that run late or twice never undo a newer state.
    /// </summary>
    Task ApplyAsync(string entityId, DashboardContribution contribution, long revision, CancellationToken cancellationToken);

    /// <summary>The totals of each of <paramref name="scopes"/> (empty for a scope nothing contributed to).</summary>
    Task<IReadOnlyDictionary<string, DashboardCounters>> GetAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>
    /// The totals of every scope from <paramref name="firstScope"/> to <paramref name="lastScope"/> (ordinal order, both
    /// included) that anything contributed to, read together: a year's month scopes cost one read, not twelve.
    /// </summary>
    Task<IReadOnlyDictionary<string, DashboardCounters>> GetRangeAsync(string firstScope, string lastScope, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every remembered contribution by <paramref name="contributions"/> (entity id → contribution, from the
    /// source tables) and the totals by their sum; returns where the stored totals differed before.
    /// </summary>
    Task<IReadOnlyList<DashboardDriftItem>> RebuildAsync(
        IReadOnlyDictionary<string, DashboardContribution> contributions,
        CancellationToken cancellationToken);
}
