using System.Globalization;
using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What a dashboard total is about: <see cref="Current"/> (members by status right now), one calendar year as the
/// office in Berlin counts it ("2026": dues of periods starting that year, donations paid that year, …), or one month
/// of such a year ("2026-03", for the page's chart: the money only, in the Berlin month it came in; donations'
/// months add up to their year, dues' months differ from the dues year when a period's dues arrive in another year).
/// </summary>
public static class DashboardScope
{
    public const string Current = "current";

    /// <summary>Years the dashboard accepts; anything else is a typing error, not a question.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2999;

    /// <summary>
    /// A <c>year</c> query parameter: null when absent, the year when valid, else null with the error named
    /// <c>year</c> in <paramref name="errors"/>. The one rule for every dashboard route that takes a year.
    /// </summary>
    public static int? ParseYearParameter(string? text, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TryParseYear(text, out var year))
        {
            return year;
        }

        errors.Add("year", $"Ein Jahr zwischen {FirstYear} und {LastYear} / a year from {FirstYear} to {LastYear}.");
        return null;
    }

    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The scope of the Berlin calendar year <paramref name="instant"/> falls in.</summary>
    public static string YearOf(DateTimeOffset instant) => Year(AssociationCalendar.Date(instant).Year);

    /// <summary>The scope of a month, <c>yyyy-MM</c>; a year's month scopes sort together, right before the next year's.</summary>
    public static string Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");
    }

    public static string Month(DateOnly date) => Month(date.Year, date.Month);

    /// <summary>The scope of the Berlin calendar month <paramref name="instant"/> falls in.</summary>
    public static string MonthOf(DateTimeOffset instant) => Month(AssociationCalendar.Date(instant));

    public static bool TryParseYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= FirstYear and <= LastYear;
}
