namespace Kok.Domain.Dues;

/// <summary>
/// Progress of the dues run through the member's current cycle (the one due on <c>NextDuesDate</c>); reset when the
/// dues are paid and the date moves on.
/// </summary>
public sealed record DuesCycle(
    DateOnly? PreNotifiedOn = null,
    DateOnly? ChargeRequestedOn = null,
    DateOnly? LastFailedChargeOn = null,
    int RemindersSent = 0,
    DateOnly? LapsedOn = null)
{
    public static DuesCycle Fresh { get; } = new();
}
