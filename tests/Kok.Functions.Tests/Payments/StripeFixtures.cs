using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kok.Functions.Tests.Payments;

/// <summary>Recorded-shape Stripe webhook payloads and Stripe's signing scheme, computed independently of Stripe.net.</summary>
internal static class StripeFixtures
{
    public const string WebhookSecret = "whsec_test_4eC39HqLyjWDarjtT1zdp7dc";

    public static string Load(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payments", "Fixtures", name + ".json"));

    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }
}
