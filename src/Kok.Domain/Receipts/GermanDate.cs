using System.Globalization;

namespace Kok.Domain.Receipts;

/// <summary>Dates as German receipts print them: "TT.MM.JJJJ".</summary>
public static class GermanDate
{
    public static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
