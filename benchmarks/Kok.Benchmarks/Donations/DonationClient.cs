using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kok.Benchmarks.Donations;

/// <summary>What the website form and Stripe send to DevHost: donation POSTs, checkout completion, signed webhooks.</summary>
internal sealed class DonationClient(HttpClient http, string webhookSecret)
{
    private int _sequence;

    /// <summary>
    /// Posts a new, distinct donation as the form does (card, once, receipt wanted with an address, a fresh
    /// Idempotency-Key) and returns the donation id and the stand-in's checkout session id.
    /// </summary>
    public async Task<(string DonationId, string SessionId)> CreateAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sequence);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/donations")
        {
            Content = new StringContent(Body(n).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/donations answered {(int)response.StatusCode}: {text}");
        }

        var created = JsonNode.Parse(text)!;
        var checkoutUrl = new Uri((string)created["checkoutUrl"]!);
        return ((string)created["donationId"]!, checkoutUrl.Segments[^1]);
    }

    /// <summary>Pays the checkout on the stand-in but holds its event back; returns the event id.</summary>
    public async Task<string> CompleteWithoutDeliveryAsync(string sessionId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            $"dev/stripe/checkout/{sessionId}/complete?deliver=false", new { outcome = "succeeded" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return (string)body["events"]!.AsArray().Single()!["id"]!;
    }

    /// <summary>The payloads of the stand-in's checkout.session.completed events, by event id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CompletedCheckoutPayloadsAsync(CancellationToken cancellationToken)
    {
        var list = (await http.GetFromJsonAsync<JsonObject>("dev/stripe/events?type=checkout.session.completed", cancellationToken))!;
        return list["data"]!.AsArray().ToDictionary(e => (string)e!["id"]!, e => e!["payload"]!.ToJsonString(), StringComparer.Ordinal);
    }

    /// <summary>Sends one event as Stripe would, signed at the moment of sending; returns the status and the outcome.</summary>
    public async Task<(HttpStatusCode Status, string? Outcome)> SendWebhookAsync(string payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/stripe/webhook")
        {
            Content = new StringContent(payload, new UTF8Encoding(false), new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Header(payload, webhookSecret, now));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? outcome = null;
        if (response.IsSuccessStatusCode)
        {
            using var json = JsonDocument.Parse(text);
            outcome = json.RootElement.TryGetProperty("outcome", out var value) ? value.GetString() : null;
        }

        return (response.StatusCode, outcome);
    }

    private static JsonObject Body(int n) => new()
    {
        ["amount"] = 5 + (n % 200) + ((n % 4) * 0.25m),
        ["currency"] = "EUR",
        ["interval"] = "once",
        ["paymentMethod"] = "card",
        ["donor"] = new JsonObject
        {
            ["name"] = "Bench Donor " + n.ToString(CultureInfo.InvariantCulture),
            ["email"] = $"donor{n.ToString(CultureInfo.InvariantCulture)}@bench.example.org",
            ["address"] = new JsonObject
            {
                ["street"] = "Kurfürstenstraße " + (1 + (n % 99)).ToString(CultureInfo.InvariantCulture),
                ["postalCode"] = "10785",
                ["city"] = "Berlin",
                ["country"] = "DE",
            },
        },
        ["wantsReceipt"] = true,
        ["locale"] = "de",
        ["website"] = string.Empty,
    };
}
