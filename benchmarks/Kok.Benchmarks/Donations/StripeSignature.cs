using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kok.Benchmarks.Donations;

/// <summary>Stripe's webhook signature header (<c>t=…,v1=HMAC-SHA256(secret, "t.payload")</c>), as Stripe sends it.</summary>
internal static class StripeSignature
{
    public static string Header(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + payload));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }
}
