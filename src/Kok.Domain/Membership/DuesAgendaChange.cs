namespace Kok.Domain.Membership;

/// <summary>
/// How <see cref="Member.RescheduleDues"/> moved the member in the date-keyed dues index: the repository writes the
/// entry for <see cref="Current"/> before saving the member and removes the one for <see cref="Previous"/> after.
/// </summary>
public sealed record DuesAgendaChange(DateOnly? Previous, DateOnly? Current)
{
    public bool Moved => Previous != Current;
}
