using Kok.Domain.Dashboard;

namespace Kok.Domain.Tests.Dashboard;

/// <summary>An audit trail in memory whose "record as latest" is a compare-and-set on the latest entry, as storage's ETag makes it.</summary>
internal sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Lock gate = new();
    private readonly List<AuditEntry> entries = [];
    private readonly Dictionary<(string Subject, string Action), LatestAuditEntry> latest = [];
    private int version;

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Runs between a caller's read of the latest entry and its conditional write (to stage a race).</summary>
    public Func<Task>? BeforeConditionalWrite { get; set; }

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<LatestAuditEntry?> GetLatestAsync(string subject, string action, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(latest.TryGetValue((subject, action), out var found) ? found : null);
        }
    }

    public async Task<bool> TryRecordAsLatestAsync(AuditEntry entry, LatestAuditEntry? previous, CancellationToken cancellationToken)
    {
        if (BeforeConditionalWrite is { } hook)
        {
            BeforeConditionalWrite = null;
            await hook();
        }

        lock (gate)
        {
            latest.TryGetValue((entry.Subject, entry.Action), out var current);
            if (current?.Version != previous?.Version)
            {
                return false;
            }

            entries.Add(entry);
            latest[(entry.Subject, entry.Action)] = new LatestAuditEntry(entry.Id, entry.At, $"v{++version}");
            return true;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string subject, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. entries.Where(e => e.Subject == subject).Reverse().Take(max)]);
        }
    }
}
