namespace Kok.Domain.Dashboard;

/// <summary>Reads every entity that contributes to the dashboard from the source tables (members, donations, receipts, mails).</summary>
public interface IDashboardSource
{
    /// <summary>Entity id → what it contributes now. Reads everything: for the recompute action only.</summary>
    Task<IReadOnlyDictionary<string, DashboardContribution>> ReadAllAsync(CancellationToken cancellationToken);
}
