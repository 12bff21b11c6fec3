using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Donations;

/// <summary>Drives the donation flow through DevHost's HTTP endpoints as the website, the donor and Stripe would.</summary>
internal sealed class DonationApi(DevHostServer server)
{
    public const string StaffToken = "test-staff-token";

    public static JsonObject Body(
        decimal amount = 25.50m,
        string interval = "once",
        string paymentMethod = "card",
        bool wantsReceipt = true,
        string name = "Erika Mustermann",
        string email = "erika@example.org") =>
        new()
        {
            ["amount"] = amount,
            ["currency"] = "EUR",
            ["interval"] = interval,
            ["paymentMethod"] = paymentMethod,
            ["donor"] = new JsonObject
            {
                ["name"] = name,
                ["email"] = email,
                ["address"] = new JsonObject
                {
                    ["street"] = "Kurfürstenstraße 33",
                    ["postalCode"] = "10785",
                    ["city"] = "Berlin",
                    ["country"] = "DE",
                },
            },
            ["wantsReceipt"] = wantsReceipt,
            ["locale"] = "de",
        };

    public Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/donations")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return server.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject body, string? idempotencyKey = null) =>
        PostRawAsync(body.ToJsonString(), idempotencyKey: idempotencyKey);

    /// <summary>Creates a donation and returns its id and the stand-in's checkout session id.</summary>
    public async Task<(string DonationId, string SessionId)> CreateAsync(JsonObject? body = null)
    {
        using var response = await PostAsync(body ?? Body());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        var checkoutUrl = new Uri((string)created!["checkoutUrl"]!);
        return ((string)created["donationId"]!, checkoutUrl.Segments[^1]);
    }

    /// <summary>Completes checkout on the stand-in, which delivers the signed webhooks before it answers.</summary>
    public async Task<JsonObject> CompleteAsync(string sessionId, string outcome, bool deliver = true)
    {
        using var response = await server.Client.PostAsJsonAsync(
            $"dev/stripe/checkout/{sessionId}/complete{(deliver ? string.Empty : "?deliver=false")}", new { outcome });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonObject> StripeActionAsync(string path, object? body = null)
    {
        using var response = await server.Client.PostAsJsonAsync("dev/stripe/" + path, body ?? new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonObject> GetAsync(string donationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/donations/{donationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<string> StatusAsync(string donationId) => (string)(await GetAsync(donationId))["status"]!;

    /// <summary>The receipt-mail messages that concern this donation.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReceiptMessagesAsync(string donationId)
    {
        var texts = await TestQueues.PeekTextsAsync(server.StorageConnectionString, "receipt-mail");
        return texts.Select(t => JsonNode.Parse(t)!.AsObject())
            .Where(m => (string?)m["subjectId"] == donationId)
            .ToArray();
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static IReadOnlyCollection<string> ErrorFields(JsonObject problem) =>
        problem["errors"]?.AsObject().Select(e => e.Key).ToArray() ?? [];

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
