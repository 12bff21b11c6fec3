namespace Kok.Domain.BankTransfers;

/// <summary>
/// Finds <see cref="ReferenceCode"/>s in the free text of a transfer's reference, as people and banks write them:
/// any case; spaces, hyphens, dots, slashes, plus signs or line breaks between the characters (banks break the
/// reference into lines of 27, 35 or 140 characters wherever the line is full, and pad lines with spaces); the
/// look-alikes of <see cref="ReferenceCodeAlphabet.Normalize"/>. The check character decides: a candidate whose
/// check does not fit is not a code.
/// <list type="bullet">
/// <item>After the prefix <c>KOK</c> (also typed <c>K0K</c>): the next eight alphabet characters, with separators
/// between them.</item>
/// <item>Without the prefix, only a word of exactly that shape: <c>7K3MPX9A</c> or <c>7K3M-PX9A</c> /
/// <c>7K3M PX9A</c> standing alone, so words of a sentence are not read together.</item>
/// </list>
/// </summary>
public static class ReferenceCodeFinder
{
    /// <summary>At most this many separators in a row between two characters of a code (a padded bank line).</summary>
    public const int MaxSeparatorRun = 40;

    /// <summary>Texts longer than this are read up to here (a reference is 140 characters, a few lines at most).</summary>
    public const int MaxTextLength = 4096;

    public static IReadOnlyList<ReferenceCode> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var span = text.AsSpan(0, Math.Min(text.Length, MaxTextLength));
        var prefixed = new List<ReferenceCode>();
        var bare = new List<ReferenceCode>();
        for (var i = 0; i < span.Length; i++)
        {
            if (StartsWithPrefix(span[i..], out var afterPrefix) && TryReadAfterPrefix(span[(i + afterPrefix)..], out var code))
            {
                prefixed.Add(code);
            }
            else if ((i == 0 || !char.IsLetterOrDigit(span[i - 1])) && TryReadWord(span[i..], out var word))
            {
                bare.Add(word);
            }
        }

        return [.. prefixed.Concat(bare).Distinct()];
    }

    /// <summary>Whether the text starts with the prefix (any case, 0 for O); <paramref name="length"/> is its length.</summary>
    internal static bool StartsWithPrefix(ReadOnlySpan<char> text, out int length)
    {
        length = ReferenceCode.Prefix.Length;
        return text.Length >= length
            && char.ToUpperInvariant(text[0]) == 'K'
            && char.ToUpperInvariant(text[1]) is 'O' or '0'
            && char.ToUpperInvariant(text[2]) == 'K';
    }

    /// <summary>What may stand between two characters of a code.</summary>
    internal static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/' or '+' or ':' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DashPunctuation;

    private static bool TryReadAfterPrefix(ReadOnlySpan<char> text, out ReferenceCode code)
    {
        // "KOK KOK-7K3M-PX9A": the second prefix starts the code; read from the first, "KOK7K3MP…" could pass the
        // check by chance (1 in 23) and name a wrong code.
        var start = 0;
        while (start < text.Length && IsSeparator(text[start]))
        {
            start++;
        }

        if (StartsWithPrefix(text[start..], out _))
        {
            code = null!;
            return false;
        }

        Span<int> values = stackalloc int[ReferenceCode.Length];
        var count = 0;
        var run = 0;
        foreach (var c in text)
        {
            if (IsSeparator(c))
            {
                if (++run > MaxSeparatorRun)
                {
                    break;
                }

                continue;
            }

            var value = ReferenceCodeAlphabet.ValueOf(ReferenceCodeAlphabet.Normalize(c));
            if (value < 0)
            {
                break;
            }

            values[count++] = value;
            run = 0;
            if (count == ReferenceCode.Length)
            {
                return ReferenceCode.TryFromValues(values, out code!);
            }
        }

        code = null!;
        return false;
    }

    /// <summary>
    /// Eight characters, or four, one hyphen or space, four; then the end of the word. One line break of the bank's
    /// fixed-length lines (a run of white space: a newline, or the space some banks join lines with) may fall anywhere
    /// inside the word; more would read words of a sentence together.
    /// </summary>
    private static bool TryReadWord(ReadOnlySpan<char> text, out ReferenceCode code)
    {
        code = null!;
        Span<int> values = stackalloc int[ReferenceCode.Length];
        var position = 0;
        var lineBroken = false;
        for (var count = 0; count < ReferenceCode.Length; count++)
        {
            if (count == 4)
            {
                // Between the halves: a hyphen or a space, and a line break before or after it.
                SkipWhiteSpace(text, ref position);
                if (position < text.Length && text[position] == '-')
                {
                    position++;
                }

                SkipWhiteSpace(text, ref position);
            }
            else if (count > 0 && !lineBroken && position < text.Length && char.IsWhiteSpace(text[position]))
            {
                lineBroken = true;
                SkipWhiteSpace(text, ref position);
            }

            var value = position < text.Length ? ReferenceCodeAlphabet.ValueOf(ReferenceCodeAlphabet.Normalize(text[position])) : -1;
            if (value < 0)
            {
                return false;
            }

            values[count] = value;
            position++;
        }

        return (position == text.Length || !char.IsLetterOrDigit(text[position])) && ReferenceCode.TryFromValues(values, out code!);
    }

    private static void SkipWhiteSpace(ReadOnlySpan<char> text, ref int position)
    {
        for (var run = 0; position < text.Length && char.IsWhiteSpace(text[position]) && run < MaxSeparatorRun; run++)
        {
            position++;
        }
    }
}
