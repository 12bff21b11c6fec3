using System.Security.Cryptography;
using System.Text;

namespace Kok.Domain.Common;

/// <summary>
/// A stable hash of a request's normalised values, used to tell "same request again" from "different request under
/// the same idempotency key". Parts are length-prefixed so ("ab","c") and ("a","bc") differ.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the parts; null parts are distinct from empty ones.</summary>
    public static string Compute(params string?[] parts) => Convert.ToHexStringLower(HashBytes(parts));

    internal static byte[] HashBytes(string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is null)
            {
                builder.Append("-1:");
            }
            else
            {
                builder.Append(part.Length).Append(':').Append(part);
            }

            builder.Append('|');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
    }
}
