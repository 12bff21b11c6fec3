using System.Globalization;
using Kok.Domain.Receipts;

namespace Kok.Domain.BankTransfers;

/// <summary>Euro amounts as the bank-transfer texts write them: "25,50 €" in German, "€25.50" in English.</summary>
internal static class EuroTexts
{
    public static string German(long cents) => GermanAmountInFigures.Format(cents);

    public static string English(long cents) =>
        "€" + (cents / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture);
}
