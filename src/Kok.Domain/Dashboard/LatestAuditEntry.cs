namespace Kok.Domain.Dashboard;

/// <summary>
/// The newest entry of one action about one subject, as <see cref="IAuditTrail.GetLatestAsync"/> keeps it, with the
/// storage version that guards the next such entry (<see cref="IAuditTrail.TryRecordAsLatestAsync"/>).
/// </summary>
public sealed record LatestAuditEntry(string EntryId, DateTimeOffset At, string Version);
