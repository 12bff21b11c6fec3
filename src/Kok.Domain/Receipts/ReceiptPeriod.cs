namespace Kok.Domain.Receipts;

/// <summary>
/// The "Zeitraum der Sammelbestätigung": within one calendar year (the donor's tax year), possibly only part of it.
/// A single receipt's period is its payment day.
/// </summary>
public readonly record struct ReceiptPeriod
{
    public ReceiptPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("A period cannot end before it starts.", nameof(to));
        }

        if (to.Year != from.Year)
        {
            throw new ArgumentException("A Sammelbestätigung covers at most one calendar year.", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Year => From.Year;

    /// <summary>"01.01.2026 bis 31.12.2026", as printed under "Zeitraum der Sammelbestätigung:".</summary>
    public string Text => $"{GermanDate.Format(From)} bis {GermanDate.Format(To)}";

    public static ReceiptPeriod CalendarYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
