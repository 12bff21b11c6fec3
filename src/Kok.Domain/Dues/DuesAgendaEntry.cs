namespace Kok.Domain.Dues;

/// <summary>One row of the date-keyed dues index: the dues run must look at <see cref="MemberId"/> on <see cref="Date"/>.</summary>
public sealed record DuesAgendaEntry(string MemberId, DateOnly Date);
