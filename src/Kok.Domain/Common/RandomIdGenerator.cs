using System.Security.Cryptography;

namespace Kok.Domain.Common;

/// <summary>
/// Ids from a cryptographic random source: 100 bits, so an id in a URL (e.g. a donation's status page) cannot be
/// guessed or enumerated.
/// </summary>
public sealed class RandomIdGenerator : IIdGenerator
{
    public const int RandomLength = 20;

    public string NewId(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Span<byte> bytes = stackalloc byte[13];
        RandomNumberGenerator.Fill(bytes);
        return $"{prefix}_{Base32.Encode(bytes, RandomLength)}";
    }

    /// <summary>True when <paramref name="id"/> has the shape this generator produces for <paramref name="prefix"/>.</summary>
    public static bool IsWellFormed(string? id, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return id is not null
            && id.Length == prefix.Length + 1 + RandomLength
            && id.StartsWith(prefix + "_", StringComparison.Ordinal)
            && Base32.IsEncoded(id[(prefix.Length + 1)..], RandomLength);
    }

    /// <summary>
    /// An id with the same shape derived from <paramref name="parts"/>: the same parts always give the same id, so a
    /// retried operation names the same thing again. Unguessable as long as one part is.
    /// </summary>
    public static string Derive(string prefix, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var hash = RequestFingerprint.HashBytes(parts);
        return $"{prefix}_{Base32.Encode(hash, RandomLength)}";
    }
}
