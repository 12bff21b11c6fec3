using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kok.Domain.Membership;

/// <summary>
/// Personal links in member mails that work without a login, e.g.
/// <c>{public base URL}/api/memberships/{memberId}/cancel?token={token}</c>. The token is base64url of the expiry
/// (Unix seconds, 8 bytes) followed by HMAC-SHA256 over member id, purpose and expiry with a configured secret, so it
/// cannot be forged, moved to another member or purpose, or extended; it is checked in constant time.
/// </summary>
public sealed class MemberLinks
{
    public const string CancelPurpose = "cancel";
    public const string PayDuesPurpose = "pay-dues";
    public const int MinimumSecretBytes = 32;
    public static readonly TimeSpan DefaultCancelLinkLifetime = TimeSpan.FromDays(60);

    /// <summary>Longer than the grace period, so the link in the last reminder still works after the lapse.</summary>
    public static readonly TimeSpan DefaultPayDuesLinkLifetime = TimeSpan.FromDays(120);

    private const int ExpiryBytes = 8;
    private const int MacBytes = 32;

    private readonly byte[] secret;
    private readonly Uri publicBaseUrl;

    public MemberLinks(Uri publicBaseUrl, ReadOnlySpan<byte> secret, TimeSpan cancelLinkLifetime, TimeSpan? payDuesLinkLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base URL must be absolute.", nameof(publicBaseUrl));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The signing secret must have at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cancelLinkLifetime, TimeSpan.Zero);
        var payLifetime = payDuesLinkLifetime ?? DefaultPayDuesLinkLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(payLifetime, TimeSpan.Zero, nameof(payDuesLinkLifetime));
        this.secret = secret.ToArray();
        this.publicBaseUrl = publicBaseUrl;
        CancelLinkLifetime = cancelLinkLifetime;
        PayDuesLinkLifetime = payLifetime;
    }

    public TimeSpan CancelLinkLifetime { get; }

    public TimeSpan PayDuesLinkLifetime { get; }

    /// <summary>The member's cancellation page, valid for <see cref="CancelLinkLifetime"/> from <paramref name="now"/>.</summary>
    public Uri CancelUrl(string memberId, DateTimeOffset now)
    {
        var token = CreateToken(memberId, CancelPurpose, now + CancelLinkLifetime);
        return MemberUrl(memberId, "cancel", token);
    }

    /// <summary>
    /// Pays the member's overdue dues (or revives a lapsed membership) through a hosted checkout, valid for
    /// <see cref="PayDuesLinkLifetime"/> from <paramref name="now"/>.
    /// </summary>
    public Uri PayDuesUrl(string memberId, DateTimeOffset now)
    {
        var token = CreateToken(memberId, PayDuesPurpose, now + PayDuesLinkLifetime);
        return MemberUrl(memberId, "dues/pay", token);
    }

    public string CreateToken(string memberId, string purpose, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var bytes = new byte[ExpiryBytes + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(bytes, expiresAt.ToUnixTimeSeconds());
        Mac(memberId, purpose, bytes.AsSpan(0, ExpiryBytes), bytes.AsSpan(ExpiryBytes));
        return Base64UrlEncode(bytes);
    }

    public LinkTokenCheck Check(string memberId, string purpose, string? token, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (string.IsNullOrEmpty(token) || token.Length > 100 || Base64UrlDecode(token) is not { Length: ExpiryBytes + MacBytes } bytes)
        {
            return LinkTokenCheck.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(memberId, purpose, bytes.AsSpan(0, ExpiryBytes), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(ExpiryBytes)))
        {
            return LinkTokenCheck.Invalid;
        }

        var expiresAt = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return now.ToUnixTimeSeconds() < expiresAt ? LinkTokenCheck.Valid : LinkTokenCheck.Expired;
    }

    private Uri MemberUrl(string memberId, string path, string token) =>
        new($"{publicBaseUrl.ToString().TrimEnd('/')}/api/memberships/{Uri.EscapeDataString(memberId)}/{path}?token={token}");

    private void Mac(string memberId, string purpose, ReadOnlySpan<byte> expiry, Span<byte> destination)
    {
        // Length-prefixed so no (id, purpose) pair can be shifted into another.
        var message = Encoding.UTF8.GetBytes(
            $"{memberId.Length}:{memberId}|{purpose.Length}:{purpose}|{Convert.ToHexString(expiry)}");
        HMACSHA256.HashData(secret, message, destination);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Base64UrlDecode(string text)
    {
        if (text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch
        {
            2 => "==",
            3 => "=",
            _ => string.Empty,
        };
        try
        {
            // Only the canonical spelling counts, so no two token strings carry the same signature.
            var bytes = Convert.FromBase64String(padded);
            return Base64UrlEncode(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
