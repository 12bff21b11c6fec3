namespace Kok.Domain.Dashboard;

/// <summary>One counter whose stored total differed from the recomputation.</summary>
public sealed record DashboardDriftItem(string Scope, string Counter, long Stored, long Recomputed)
{
    public long Drift => Stored - Recomputed;
}
