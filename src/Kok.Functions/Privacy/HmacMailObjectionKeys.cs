using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kok.Domain.Membership;
using Kok.Domain.Privacy;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Privacy;

/// <summary>
/// <see cref="MailObjectionKey"/>s as HMAC-SHA256 of the address (trimmed, lower-cased) under a key derived (HKDF, own
/// label) from <c>Links:SigningSecret</c>. Keyed, unlike the plain SHA-256 of the supporter key: a list of plain
/// hashes could be checked against any list of addresses by anyone holding it. Rotating the secret makes the keys
/// of the existing objections unmatchable: docs/privacy.md says how to carry them over.
/// </summary>
public sealed class HmacMailObjectionKeys : IMailObjectionKeys
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("kok mail objection list v1");

    private readonly byte[] key;

    public HmacMailObjectionKeys(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MemberLinks.MinimumSecretBytes)
        {
            throw new ArgumentException($"The signing secret must have at least {MemberLinks.MinimumSecretBytes} bytes.", nameof(secret));
        }

        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, salt: [], info: Label);
    }

    public static HmacMailObjectionKeys From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secret = configuration["Links:SigningSecret"];
        if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < MemberLinks.MinimumSecretBytes)
        {
            throw new InvalidOperationException(
                $"Links:SigningSecret must be set to a random secret of at least {MemberLinks.MinimumSecretBytes} characters.");
        }

        return new HmacMailObjectionKeys(Encoding.UTF8.GetBytes(secret));
    }

    public MailObjectionKey KeyOf(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return MailObjectionKey.From(Base64Url.EncodeToString(mac));
    }
}
