using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>Records one staff action in the audit trail, under <see cref="AuditEntry.Global"/>, with its id and time.</summary>
public sealed class StaffActionRecorder(IAuditTrail audit, IIdGenerator ids, TimeProvider time)
{
    /// <param name="details">Ids and counts only (<see cref="AuditFacts.Format"/>), never supporters' personal data.</param>
    public Task RecordAsync(string action, string staffId, string staffName, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), AuditEntry.Global, action, staffId, staffName, time.GetUtcNow(), details),
            cancellationToken);
}
