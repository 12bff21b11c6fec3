using System.Globalization;
using System.Text.RegularExpressions;

namespace Kok.Domain.Receipts;

/// <summary>
/// Receipt numbers are the year of issue and a running number per year, "2026-000123", so the register can show
/// that no number was skipped or issued twice.
/// </summary>
public static partial class ReceiptNumber
{
    public const int MaxSequence = 999_999;

    public static string Create(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{sequence:000000}");
    }

    public static bool IsValid(string? number) => number is not null && Pattern().IsMatch(number);

    [GeneratedRegex(@"^[2-9][0-9]{3}-[0-9]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
