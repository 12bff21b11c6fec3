using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kok.Domain.Membership;
using Kok.Domain.SelfService;
using Kok.Functions.Membership;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.SelfService;

/// <summary>
/// The "Mein KOK" session: a cookie <c>v1.{supporter key}.{signed in at}.{last seen}.{HMAC}</c>, signed with a key
/// derived (HKDF, own label) from the configured <c>Links:SigningSecret</c>, so it cannot be forged or moved to
/// another supporter, and holding only the hash of the address. It ends after <see cref="IdleTimeout"/> without a
/// request (each request renews it) and at the latest after <see cref="MaxLifetime"/>. HttpOnly (no script reads it),
/// SameSite=Lax (another site's posts do not carry it; the guard refuses cross-site writes besides), and Secure
/// unless the app is reached at a plain-http loopback address (DevHost).
/// </summary>
public sealed class SupporterSessionCookie
{
    public const string Name = "kok_me";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    private const string Version = "v1";
    private const int MaxCookieLength = 200;
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("kok mein-kok session cookie v1");

    private readonly byte[] key;
    private readonly bool secure;

    public SupporterSessionCookie(ReadOnlySpan<byte> secret, bool secure)
    {
        if (secret.Length < MemberLinks.MinimumSecretBytes)
        {
            throw new ArgumentException($"The signing secret must have at least {MemberLinks.MinimumSecretBytes} bytes.", nameof(secret));
        }

        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, salt: [], info: Label);
        this.secure = secure;
    }

    public static SupporterSessionCookie From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secret = configuration["Links:SigningSecret"];
        if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < MemberLinks.MinimumSecretBytes)
        {
            throw new InvalidOperationException(
                $"Links:SigningSecret must be set to a random secret of at least {MemberLinks.MinimumSecretBytes} characters.");
        }

        var baseUrl = MembershipConfiguration.PublicBaseUrl(configuration);
        var plainLocal = baseUrl is { Scheme: "http", IsLoopback: true };
        return new SupporterSessionCookie(Encoding.UTF8.GetBytes(secret), secure: !plainLocal);
    }

    /// <summary>The supporter signed in by <paramref name="request"/>'s cookie, or null (none, forged, too old).</summary>
    public string? Read(HttpRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(Name, out var value) || value is null || value.Length > MaxCookieLength)
        {
            return null;
        }

        var parts = value.Split('.');
        if (parts.Length != 5 || parts[0] != Version || !SupporterKey.IsWellFormed(parts[1])
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var signedIn)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(value[..value.LastIndexOf('.')]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[4])))
        {
            return null;
        }

        var seconds = now.ToUnixTimeSeconds();
        var fresh = seconds - lastSeen < IdleTimeout.TotalSeconds && seconds - signedIn < MaxLifetime.TotalSeconds
                    && lastSeen >= signedIn && lastSeen <= seconds + 60;
        return fresh ? parts[1] : null;
    }

    /// <summary>Signs <paramref name="supporterKey"/> in: sets a new cookie on the response.</summary>
    public void SignIn(HttpResponse response, string supporterKey, DateTimeOffset now) => Write(response, supporterKey, now, now);

    /// <summary>Renews the signed-in session's idle time, keeping when it began.</summary>
    public void Renew(HttpRequest request, string supporterKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Cookies[Name]!;
        var signedIn = DateTimeOffset.FromUnixTimeSeconds(long.Parse(value.Split('.')[2], CultureInfo.InvariantCulture));
        Write(request.HttpContext.Response, supporterKey, signedIn, now);
    }

    /// <summary>Ends the session: any cookie set earlier in this response is replaced by one that expires it.</summary>
    public void SignOut(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Remove("Set-Cookie");
        response.Cookies.Delete(Name, Options(null));
    }

    private void Write(HttpResponse response, string supporterKey, DateTimeOffset signedIn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = string.Create(CultureInfo.InvariantCulture, $"{Version}.{supporterKey}.{signedIn.ToUnixTimeSeconds()}.{now.ToUnixTimeSeconds()}");
        response.Headers.Remove("Set-Cookie");
        response.Cookies.Append(Name, body + "." + Mac(body), Options(MaxLifetime));
    }

    private CookieOptions Options(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = secure,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private string Mac(string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
