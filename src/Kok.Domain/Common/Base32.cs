namespace Kok.Domain.Common;

/// <summary>Lower-case RFC 4648 base32: URL-safe, case-insensitive to read aloud, no padding.</summary>
internal static class Base32
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The first <paramref name="length"/> characters of the encoding of <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, int length)
    {
        if (length > bytes.Length * 8 / 5)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "Not enough bytes for the requested length.");
        }

        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            var bit = i * 5;
            var value = (bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0);
            chars[i] = Alphabet[(value >> (11 - bit % 8)) & 31];
        }

        return new string(chars);
    }

    public static bool IsEncoded(string text, int length) =>
        text.Length == length && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
