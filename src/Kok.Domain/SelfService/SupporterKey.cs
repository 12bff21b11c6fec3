using System.Security.Cryptography;
using System.Text;

namespace Kok.Domain.SelfService;

/// <summary>
/// Who a supporter is for "Mein KOK": the SHA-256 (lower-case hex) of the e-mail address, trimmed and lower-cased.
/// Every donation and membership given with that address belongs to the supporter. Only this hash is stored with a
/// sign-in link and carried in the session cookie, never the address itself; the member email index uses the same
/// hash, so a session finds memberships through it.
/// </summary>
public static class SupporterKey
{
    public static string Of(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }

    /// <summary>True for the shape <see cref="Of"/> produces (64 lower-case hex digits).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: 64 } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
