using Kok.Domain.Dashboard;

namespace Kok.Domain.Privacy.Export;

/// <summary>An audit entry about one of the supporter's donations or memberships: what was done, by whom, when, with its facts.</summary>
public sealed record ExportedAuditEntry(
    string Concerning,
    string Action,
    string By,
    DateTimeOffset At,
    IReadOnlyList<KeyValuePair<string, string>> Facts)
{
    public static ExportedAuditEntry Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ExportedAuditEntry(entry.Subject, entry.Action, entry.StaffName, entry.At, entry.Facts);
    }
}
