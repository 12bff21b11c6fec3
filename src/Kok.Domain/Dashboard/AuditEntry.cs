namespace Kok.Domain.Dashboard;

/// <summary>
/// One staff action on record: who (<see cref="StaffId"/>, <see cref="StaffName"/>), what (<see cref="Action"/>, e.g.
/// <c>dashboard.recompute</c>, plus ids and counts in <see cref="Details"/> (<see cref="AuditFacts"/>), never supporters'
/// personal data) and when.
/// <see cref="Subject"/> is <see cref="Global"/> or the member id the action was about, so a member's page can list
/// its own trail.
/// </summary>
public sealed record AuditEntry(
    string Id,
    string Subject,
    string Action,
    string StaffId,
    string StaffName,
    DateTimeOffset At,
    string? Details = null)
{
    public const string Global = "global";

    /// <summary><see cref="Details"/> as key/value pairs (see <see cref="AuditFacts"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts => AuditFacts.Parse(Details);
}
