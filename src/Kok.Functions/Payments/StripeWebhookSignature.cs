using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kok.Functions.Payments;

/// <summary>
/// Checks a <c>Stripe-Signature</c> header (<c>t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{payload}")}</c>,
/// possibly several <c>v1</c> while a secret is rolled) the way Stripe documents it.
/// </summary>
/// <remarks>
/// Written here rather than taken from Stripe.net's <c>EventUtility.ValidateSignature</c>, which reads the timestamp
/// as a 32-bit number and so refuses every webhook signed after 2038-01-19T03:14:07Z ("Value was either too large or
/// too small for an Int32"). Timestamps are 64-bit here.
/// </remarks>
public static class StripeWebhookSignature
{
    /// <summary>Null when <paramref name="header"/> signs <paramref name="payload"/>, else why not (no payload echoed).</summary>
    /// <param name="payload">The body as text; Stripe signs its UTF-8 bytes.</param>
    /// <param name="header">The <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The endpoint's signing secret (<c>whsec_…</c>).</param>
    /// <param name="toleranceSeconds">How far the signed time may lie from <paramref name="now"/>, either way.</param>
    /// <param name="now">The current time.</param>
    public static string? Problem(string payload, string header, string secret, long toleranceSeconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentException.ThrowIfNullOrEmpty(secret);

        string? timestampText = null;
        var signatures = new List<byte[]>();
        foreach (var item in header.Split(','))
        {
            var parts = item.Trim().Split('=', 2);
            if (parts.Length != 2)
            {
                return "The Stripe-Signature header is not in Stripe's format.";
            }

            switch (parts[0])
            {
                case "t" when timestampText is not null:
                    return "The Stripe-Signature header names more than one timestamp.";
                case "t":
                    timestampText = parts[1];
                    break;
                case "v1" when IsHex(parts[1]):
                    signatures.Add(Convert.FromHexString(parts[1]));
                    break;
            }
        }

        if (timestampText is null
            || !long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return "The Stripe-Signature header has no readable timestamp.";
        }

        if (signatures.Count == 0)
        {
            return "The Stripe-Signature header has no v1 signature.";
        }

        var expected = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(string.Concat(timestampText, ".", payload)));

        // Every v1 is compared, each in constant time, so neither the position nor the content of a match shows in timing.
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= CryptographicOperations.FixedTimeEquals(signature, expected);
        }

        if (!matched)
        {
            return "No signature in the Stripe-Signature header matches the payload and the webhook secret.";
        }

        // Compared without subtracting, so no timestamp, however large, can overflow into the window.
        var current = now.ToUnixTimeSeconds();
        return timestamp < current - toleranceSeconds || timestamp > current + toleranceSeconds
            ? "The Stripe-Signature timestamp is outside the allowed tolerance."
            : null;
    }

    /// <summary>A SHA-256 in hex is 64 characters; anything else cannot match and is not decoded.</summary>
    private static bool IsHex(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
