namespace Kok.Domain.Dashboard;

/// <summary>The outcome of the recompute action: what drifted (stored vs recomputed, before the repair) and who ran it.</summary>
public sealed record DashboardRecomputed(
    int EntitiesScanned,
    IReadOnlyList<DashboardDriftItem> Drift,
    string RecomputedBy,
    DateTimeOffset RecomputedAt);
