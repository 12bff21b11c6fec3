namespace Kok.Domain.Dues;

/// <summary>One membership year paid by one year's dues, both ends inclusive (Berlin calendar dates).</summary>
public readonly record struct DuesPeriod(DateOnly Start, DateOnly End)
{
    /// <summary>The day the next year's dues fall due.</summary>
    public DateOnly NextDueDate => End.AddDays(1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
