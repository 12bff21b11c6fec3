using System.Security.Cryptography;
using System.Text;

namespace Kok.Domain.SelfService;

/// <summary>
/// A mailed sign-in link for "Mein KOK": a random token (256 bits, base64url) of which only the SHA-256 is stored
/// (<see cref="TokenHash"/>), so a copy of the storage signs nobody in. Valid for <see cref="Lifetime"/> and once:
/// <see cref="Use"/> marks it used, and the store saves that under the row's version, so of two simultaneous uses
/// only one signs in. <see cref="Version"/> is the storage version it was loaded with (null before it was stored).
/// </summary>
public sealed record SignInLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const int TokenBytes = 32;
    private const int MaxTokenLength = 100;

    public required string TokenHash { get; init; }

    /// <summary>The supporter it signs in (<see cref="SelfService.SupporterKey"/>).</summary>
    public required string SupporterKey { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt => IssuedAt + Lifetime;

    public DateTimeOffset? UsedAt { get; init; }

    public string? Version { get; init; }

    /// <summary>A new link for <paramref name="supporterKey"/> and the token that goes into the mail (and nowhere else).</summary>
    public static (SignInLink Link, string Token) Issue(string supporterKey, DateTimeOffset now)
    {
        if (!SelfService.SupporterKey.IsWellFormed(supporterKey))
        {
            throw new ArgumentException("Not a supporter key.", nameof(supporterKey));
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new SignInLink { TokenHash = HashOf(token)!, SupporterKey = supporterKey, IssuedAt = now }, token);
    }

    /// <summary>The stored name of a token; null for text that cannot be one of ours (so nothing is looked up).</summary>
    public static string? HashOf(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public SignInLinkCheck Check(DateTimeOffset now) =>
        UsedAt is not null ? SignInLinkCheck.Used
        : now >= ExpiresAt ? SignInLinkCheck.Expired
        : SignInLinkCheck.Valid;

    /// <summary>The link after it signed the supporter in; only a <see cref="SignInLinkCheck.Valid"/> link can be used.</summary>
    public SignInLink Use(DateTimeOffset now) =>
        Check(now) == SignInLinkCheck.Valid
            ? this with { UsedAt = now }
            : throw new InvalidOperationException("Only a valid sign-in link can be used.");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
