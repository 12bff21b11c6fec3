using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The staff action that rebuilds the running totals from the source tables and reports how far they had drifted.
/// Drift means a bug or a crash between an entity write and its totals update; the answer names the counters so
/// the cause can be looked for. The run is recorded in the audit trail.
/// </summary>
public sealed class RecomputeDashboardTotals(
    IDashboardSource source,
    IDashboardTotals totals,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "dashboard.recompute";
    public const string AuditIdPrefix = "aud";

    public async Task<DashboardRecomputed> ExecuteAsync(string staffId, string staffName, CancellationToken cancellationToken)
    {
        var contributions = await source.ReadAllAsync(cancellationToken);
        var drift = await totals.RebuildAsync(contributions, cancellationToken);
        var at = time.GetUtcNow();
        var details = AuditFacts.Format((AuditFacts.Entities, contributions.Count), (AuditFacts.DriftedCounters, drift.Count));
        await audit.RecordAsync(
            new AuditEntry(ids.NewId(AuditIdPrefix), AuditEntry.Global, AuditAction, staffId, staffName, at, details),
            cancellationToken);
        return new DashboardRecomputed(contributions.Count, drift, staffId, at);
    }
}
