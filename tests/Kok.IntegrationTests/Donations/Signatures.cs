using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Kok.IntegrationTests.Donations;

/// <summary>Stripe's webhook signature scheme, to forge and to sign test payloads.</summary>
internal static class Signatures
{
    /// <summary>DevHost's development webhook secret (src/Kok.DevHost/appsettings.json).</summary>
    public const string DevHostSecret = "whsec_devhost_00000000000000000000000000000000";

    public static string Sign(string payload, string secret, long timestamp)
    {
        var signed = timestamp.ToString(CultureInfo.InvariantCulture) + "." + payload;
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(hash)}";
    }

    public static async Task<JsonObject> GetFromJsonAsyncSafe(this HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonObject>(path))!;
}
