namespace Kok.Domain.Dashboard;

/// <summary>The record of staff actions (who did what when). Entries are only ever added.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> entries about <paramref name="subject"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string subject, int max, CancellationToken cancellationToken);
}
