using System.Buffers.Text;
using System.Text;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The opaque continuation token of the dashboard lists: the base64url text of the last key read. Callers only
/// hand it back; anything that does not decode to a plausible key is rejected as bad input.
/// </summary>
public static class ListContinuation
{
    public const int MaxKeyLength = 400;

    public static string Encode(string lastKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(lastKey);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));
    }

    public static bool TryDecode(string? token, out string lastKey)
    {
        lastKey = string.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > MaxKeyLength * 2 || !Base64Url.IsValid(token))
        {
            return false;
        }

        try
        {
            var key = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(token));
            if (key.Length == 0 || key.Length > MaxKeyLength || key.Any(char.IsControl) || key.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return false;
            }

            lastKey = key;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }
}
