using System.Diagnostics.CodeAnalysis;
using Kok.Domain.Common;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The code a supporter writes into the reference (Verwendungszweck) of a bank transfer, such as
/// <c>KOK-7K3M-PX9A</c>, so the payment can be found on the bank statement. Seven random characters and one check
/// character from <see cref="ReferenceCodeAlphabet"/> (23 characters: no look-alikes). The check character catches
/// every single wrong character and every swap of two characters (see <see cref="ReferenceCodeAlphabet"/> for why),
/// so a code read from a statement is either the code that was handed out or no code at all.
/// </summary>
public sealed record ReferenceCode
{
    /// <summary>Written before the characters, so a code stands out in a remittance line.</summary>
    public const string Prefix = "KOK";

    /// <summary>Random characters: 23^7 ≈ 3.4 billion codes (about 31.7 bits).</summary>
    public const int RandomLength = 7;

    /// <summary>Random characters and the check character.</summary>
    public const int Length = RandomLength + 1;

    private ReferenceCode(string characters) => Characters = characters;

    /// <summary>The eight characters without prefix and hyphens (<c>7K3MPX9A</c>); what a lookup is keyed by.</summary>
    public string Characters { get; }

    /// <summary>The code as supporters see it: <c>KOK-7K3M-PX9A</c>.</summary>
    public string Value => $"{Prefix}-{Characters[..4]}-{Characters[4..]}";

    /// <summary>The code from seven characters of the alphabet, with its check character appended.</summary>
    public static ReferenceCode FromRandomCharacters(ReadOnlySpan<char> characters)
    {
        if (characters.Length != RandomLength)
        {
            throw new ArgumentException($"A reference code has {RandomLength} random characters.", nameof(characters));
        }

        Span<int> values = stackalloc int[Length];
        for (var i = 0; i < RandomLength; i++)
        {
            values[i] = ReferenceCodeAlphabet.ValueOf(characters[i]);
            if (values[i] < 0)
            {
                throw new ArgumentException($"'{characters[i]}' is not in the reference code alphabet.", nameof(characters));
            }
        }

        values[RandomLength] = ReferenceCodeAlphabet.CheckValue(values[..RandomLength]);
        return FromValues(values);
    }

    /// <summary>
    /// The same code for the same <paramref name="parts"/> (for example a member's id and "dues"), so a retried
    /// operation or a member's yearly dues name the same code again. Unguessable as long as one part is.
    /// </summary>
    public static ReferenceCode Derive(params string[] parts)
    {
        var hash = RequestFingerprint.HashBytes(parts);
        Span<int> values = stackalloc int[Length];
        for (var i = 0; i < RandomLength; i++)
        {
            // 32 bits per character: the bias of the modulo is below 23 / 2^32.
            values[i] = (int)(BitConverter.ToUInt32(hash, i * 4) % ReferenceCodeAlphabet.Size);
        }

        values[RandomLength] = ReferenceCodeAlphabet.CheckValue(values[..RandomLength]);
        return FromValues(values);
    }

    /// <summary>
    /// Reads a text that is one code and nothing else, as a person may type it: any case, with or without the
    /// prefix, spaces or hyphens anywhere between the characters, and the look-alikes of
    /// <see cref="ReferenceCodeAlphabet.Normalize"/>. False when the check character does not fit.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReferenceCode? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (ReferenceCodeFinder.StartsWithPrefix(span, out var afterPrefix))
        {
            span = span[afterPrefix..];
        }

        Span<int> values = stackalloc int[Length];
        var count = 0;
        foreach (var c in span)
        {
            if (ReferenceCodeFinder.IsSeparator(c))
            {
                continue;
            }

            var value = ReferenceCodeAlphabet.ValueOf(ReferenceCodeAlphabet.Normalize(c));
            if (value < 0 || count == Length)
            {
                return false;
            }

            values[count++] = value;
        }

        return count == Length && TryFromValues(values, out code);
    }

    /// <summary>
    /// Every code in a free remittance text ("Spende KOK 7k3m px9a danke", a line break in the middle), see
    /// <see cref="ReferenceCodeFinder"/>: codes after the prefix first, then codes written without it, each once.
    /// </summary>
    public static IReadOnlyList<ReferenceCode> FindIn(string? text) => ReferenceCodeFinder.Find(text);

    public override string ToString() => Value;

    internal static bool TryFromValues(ReadOnlySpan<int> values, [NotNullWhen(true)] out ReferenceCode? code)
    {
        code = values.Length == Length && ReferenceCodeAlphabet.IsValid(values) ? FromValues(values) : null;
        return code is not null;
    }

    private static ReferenceCode FromValues(ReadOnlySpan<int> values)
    {
        Span<char> characters = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            characters[i] = ReferenceCodeAlphabet.Characters[values[i]];
        }

        return new ReferenceCode(new string(characters));
    }
}
