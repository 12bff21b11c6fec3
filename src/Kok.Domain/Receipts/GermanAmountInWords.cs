namespace Kok.Domain.Receipts;

/// <summary>
/// Writes a euro amount in German words for the "Betrag der Zuwendung – in Buchstaben –" field of a
/// Zuwendungsbestätigung (German tax receipt for donations), e.g. 2550 cents → "fünfundzwanzig Euro fünfzig Cent".
/// </summary>
/// <remarks>
/// Orthography: numbers below one million are one lower-case word ("zweitausendeinhundert"); Million and Milliarde
/// are nouns written apart ("eine Million zweihunderttausend"). A lone one before the unit is "ein" ("ein Euro",
/// "ein Cent"), a larger number ending in one keeps "eins" ("einhunderteins Euro"), as on cheques. Hundreds and
/// thousands are spelled with their leading "ein" ("einhundert", "eintausend") so no word can be put in front of
/// them afterwards. Zero cents are left out; an amount below one euro names only the cents.
/// </remarks>
public static class GermanAmountInWords
{
    /// <summary>The largest amount that can be written: 999,999,999,999.99 EUR.</summary>
    public const long MaxCents = 99_999_999_999_999;

    private static readonly string[] Units =
    [
        "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
        "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
    ];

    private static readonly string[] Tens =
        ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"];

    public static string Format(long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cents, MaxCents);

        var euros = cents / 100;
        var rest = cents % 100;
        if (euros == 0 && rest == 0)
        {
            return "null Euro";
        }

        var parts = new List<string>(2);
        if (euros > 0)
        {
            parts.Add(Cardinal(euros) + " Euro");
        }

        if (rest > 0)
        {
            parts.Add(Cardinal(rest) + " Cent");
        }

        return string.Join(' ', parts);
    }

    /// <summary>The number as it stands before a unit: 1 → "ein", 101 → "einhunderteins".</summary>
    private static string Cardinal(long number)
    {
        if (number == 1)
        {
            return "ein";
        }

        var billions = number / 1_000_000_000;
        var millions = number / 1_000_000 % 1000;
        var belowMillion = number % 1_000_000;

        var words = new List<string>(3);
        if (billions > 0)
        {
            words.Add(billions == 1 ? "eine Milliarde" : BelowThousand(billions, inCompound: true) + " Milliarden");
        }

        if (millions > 0)
        {
            words.Add(millions == 1 ? "eine Million" : BelowThousand(millions, inCompound: true) + " Millionen");
        }

        if (belowMillion > 0)
        {
            words.Add(BelowMillion(belowMillion));
        }

        return string.Join(' ', words);
    }

    private static string BelowMillion(long number)
    {
        var thousands = number / 1000;
        var rest = number % 1000;
        var word = thousands > 0 ? BelowThousand(thousands, inCompound: true) + "tausend" : string.Empty;
        return rest > 0 ? word + BelowThousand(rest, inCompound: false) : word;
    }

    /// <param name="inCompound">True where a following word is joined on ("ein" + "tausend"), so a final one is "ein".</param>
    private static string BelowThousand(long number, bool inCompound)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        var word = hundreds > 0 ? UnitInCompound(hundreds) + "hundert" : string.Empty;
        if (rest == 0)
        {
            return word;
        }

        if (rest == 1)
        {
            return word + (inCompound ? "ein" : "eins");
        }

        if (rest < 20)
        {
            return word + Units[rest];
        }

        var ones = rest % 10;
        var tens = Tens[rest / 10];
        return word + (ones == 0 ? tens : UnitInCompound(ones) + "und" + tens);
    }

    private static string UnitInCompound(long digit) => digit == 1 ? "ein" : Units[digit];
}
