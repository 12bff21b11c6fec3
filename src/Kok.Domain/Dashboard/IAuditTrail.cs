namespace Kok.Domain.Dashboard;

/// <summary>The record of staff actions (who did what when). Entries are only ever added.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entry of <paramref name="action"/> about <paramref name="subject"/> recorded as latest, or null.</summary>
    Task<LatestAuditEntry?> GetLatestAsync(string subject, string action, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="entry"/> and makes it the latest of its action about its subject, in one conditional
    /// write: false, and nothing written, when another entry became the latest since <paramref name="previous"/> (null:
    /// none yet) was read. So "check the last one, then record" cannot let two racing staff actions both through.
    /// </summary>
    Task<bool> TryRecordAsLatestAsync(AuditEntry entry, LatestAuditEntry? previous, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> entries about <paramref name="subject"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string subject, int max, CancellationToken cancellationToken);
}
