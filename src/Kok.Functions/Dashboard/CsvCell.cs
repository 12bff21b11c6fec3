using System.Buffers;
using System.Globalization;

namespace Kok.Functions.Dashboard;

/// <summary>
/// One cell of a staff CSV export: text, which a spreadsheet must never run as a formula, or an amount, which it must
/// read as a number. <see cref="CsvExportResult"/> writes text through <see cref="Neutralise"/>; an amount is made
/// only by <see cref="Euros"/>, from cents, so nothing a supporter typed can become a number cell, and a negative
/// amount stays a number.
/// </summary>
internal readonly record struct CsvCell
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP, CSV injection): = + - @ first,
    /// also in their full-width forms, which some locales accept; tab, CR, LF and NUL first.
    /// </summary>
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\uFF1D\uFF0B\uFF0D\uFF20");

    private static readonly SearchValues<char> ControlStart = SearchValues.Create("\t\r\n\0");

    private CsvCell(string value, bool isNumber)
    {
        Value = value;
        IsNumber = isNumber;
    }

    public string Value { get; }

    public bool IsNumber { get; }

    public static CsvCell Text(string? text) => new(text ?? string.Empty, false);

    /// <summary>Euros with the German decimal comma and no thousands separator: 6000 → 60,00; -500 → -5,00.</summary>
    public static CsvCell Euros(long cents) => new((cents / 100m).ToString("0.00", German), true);

    public static implicit operator CsvCell(string? text) => Text(text);

    /// <summary>
    /// OWASP's rule for CSV injection: a text that a spreadsheet could start to evaluate gets a leading apostrophe,
    /// which Excel shows as "this is text" and hides. Leading spaces do not hide a formula (some programs trim them
    /// on import), so the first character after them counts too.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        var afterSpaces = text.AsSpan().TrimStart(" \u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000");
        var risky = ControlStart.Contains(text[0]) || (afterSpaces.Length > 0 && FormulaStart.Contains(afterSpaces[0]));
        return risky ? "'" + text : text;
    }
}
