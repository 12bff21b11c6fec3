using System.Globalization;

namespace Kok.Domain.Receipts;

/// <summary>
/// German number format for euro amounts ("1.000.000,00 €"). Built by hand rather than through a "de-DE"
/// <see cref="CultureInfo"/> because the Functions host may run with invariant globalization, where that culture is
/// missing or differs.
/// </summary>
public static class GermanAmountInFigures
{
    /// <summary>"25,50 €", "1.000.000,00 €".</summary>
    public static string Format(long cents) => FormatNumber(cents) + " €";

    /// <summary>"25,50", "1.000.000,00" (no currency sign).</summary>
    public static string FormatNumber(long cents)
    {
        var negative = cents < 0;
        var magnitude = negative ? -(decimal)cents : cents;
        var euros = decimal.ToUInt64(decimal.Truncate(magnitude / 100));
        var rest = decimal.ToInt32(magnitude % 100);
        var grouped = euros.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return (negative ? "-" : string.Empty) + grouped + "," + rest.ToString("00", CultureInfo.InvariantCulture);
    }
}
