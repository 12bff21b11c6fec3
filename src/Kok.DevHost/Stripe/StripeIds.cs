using System.Security.Cryptography;

namespace Kok.DevHost.Stripe;

/// <summary>Ids shaped like Stripe's test-mode ids (prefix, then random base62), so logs and UIs look familiar.</summary>
internal static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + Random(length);

    public static string Random(int length) => new(RandomNumberGenerator.GetItems<char>(Alphabet, length));

    /// <summary>
    /// A mandate reference shaped like Stripe's (16 uppercase letters and digits), derived from the mandate id so it
    /// stays the same for the mandate.
    /// </summary>
    public static string MandateReference(string mandateId)
    {
        const string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(mandateId));
        return new([.. hash.Take(16).Select(b => upper[b % upper.Length])]);
    }
}
