using System.Security.Cryptography;

namespace Kok.DevHost.Stripe;

/// <summary>Ids shaped like Stripe's test-mode ids (prefix, then random base62), so logs and UIs look familiar.</summary>
internal static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + Random(length);

    public static string Random(int length) => new(RandomNumberGenerator.GetItems<char>(Alphabet, length));
}
