using System.Globalization;
using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What a dashboard total is about: <see cref="Current"/> (members by status right now) or one calendar year as the
/// office in Berlin counts it ("2026": dues of periods starting that year, donations paid that year, …).
/// </summary>
public static class DashboardScope
{
    public const string Current = "current";

    /// <summary>Years the dashboard accepts; anything else is a typing error, not a question.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2999;

    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The scope of the Berlin calendar year <paramref name="instant"/> falls in.</summary>
    public static string YearOf(DateTimeOffset instant) => Year(AssociationCalendar.Date(instant).Year);

    public static bool TryParseYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= FirstYear and <= LastYear;
}
