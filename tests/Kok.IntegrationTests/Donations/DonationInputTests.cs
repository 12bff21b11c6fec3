using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Donations;

/// <summary>
/// Every bad-input rule of <c>POST /api/donations</c> through DevHost: a 4xx problem naming the field, and not a
/// single storage write (counted on the wire).
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DonationInputTests : IAsyncLifetime
{
    private readonly StorageTransactionCounter _counter = new();
    private DevHostServer _server = null!;
    private DonationApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.TransactionCounter = _counter;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["Website:Origins"] = "https://www.kok-gegen-menschenhandel.de";
        });
        _api = new DonationApi(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "amount", Mutate(b => b["amount"] = 0.99m) },
        { "amount", Mutate(b => b["amount"] = 10000.01m) },
        { "amount", Mutate(b => b["amount"] = 25.555m) },
        { "amount", Mutate(b => b["amount"] = "25.50") },
        { "amount", Mutate(b => b.Remove("amount")) },
        { "currency", Mutate(b => b["currency"] = "USD") },
        { "interval", Mutate(b => b["interval"] = "weekly") },
        { "paymentMethod", Mutate(b => b["paymentMethod"] = "paypal") },
        { "donor.name", Mutate(b => b["donor"]!["name"] = "") },
        { "donor.name", Mutate(b => b["donor"]!["name"] = new string('a', 201)) },
        { "donor.name", Mutate(b => b["donor"]!["name"] = "Erika\u0007") },
        { "donor.email", Mutate(b => b["donor"]!["email"] = "not-an-email") },
        { "donor.email", Mutate(b => b["donor"]!["email"] = new string('a', 250) + "@example.org") },
        { "donor.address", Mutate(b => b["donor"]!.AsObject().Remove("address")) },
        { "donor.address.country", Mutate(b => b["donor"]!["address"]!["country"] = "XX") },
        { "donor.address.country", Mutate(b => b["donor"]!["address"]!["country"] = "Germany") },
        { "donor.address.street", Mutate(b => b["donor"]!["address"]!["street"] = "") },
        { "locale", Mutate(b => b["locale"] = "fr") },
        { "website", Mutate(b => b["website"] = "http://spam.example") },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_field_is_400_naming_it_and_nothing_is_written(string field, string body)
    {
        await WarmUpAsync();

        var writes = await WritesDuringAsync(async () =>
        {
            using var response = await _api.PostRawAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await DonationApi.ProblemAsync(response);
            Assert.Contains(DonationApi.ErrorFields(problem), f => f == field || f.StartsWith(field + ".", StringComparison.Ordinal));
        });

        Assert.Empty(writes);
    }

    [Fact]
    public async Task Address_is_optional_without_a_receipt()
    {
        var body = DonationApi.Body(wantsReceipt: false);
        body["donor"]!.AsObject().Remove("address");

        using var response = await _api.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Not_json_is_415(string contentType, HttpStatusCode expected)
    {
        await WarmUpAsync();
        var writes = await WritesDuringAsync(async () =>
        {
            using var response = await _api.PostRawAsync(DonationApi.Body().ToJsonString(), contentType);
            Assert.Equal(expected, response.StatusCode);
            await DonationApi.ProblemAsync(response);
        });
        Assert.Empty(writes);
    }

    [Fact]
    public async Task Body_over_16_KB_is_413()
    {
        await WarmUpAsync();
        var body = DonationApi.Body();
        body["padding"] = new string(' ', 17 * 1024);

        var writes = await WritesDuringAsync(async () =>
        {
            using var response = await _api.PostAsync(body);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            await DonationApi.ProblemAsync(response);
        });
        Assert.Empty(writes);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var response = await _api.PostRawAsync("{\"amount\": 25,");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body", DonationApi.ErrorFields(await DonationApi.ProblemAsync(response)));
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_returns_the_same_201_and_creates_nothing_new()
    {
        var key = Guid.NewGuid().ToString();
        var body = DonationApi.Body();

        using var first = await _api.PostAsync(body, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var writes = await WritesDuringAsync(async () =>
        {
            using var second = await _api.PostAsync(body, key);
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Single(writes); // the refused insert-if-absent claim of the key; no donation row
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await _api.PostAsync(DonationApi.Body(amount: 10m), key);

        using var second = await _api.PostAsync(DonationApi.Body(amount: 20m), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        await DonationApi.ProblemAsync(second);
    }

    [Fact]
    public async Task Cors_answers_the_configured_origin_only()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "api/donations");
        allowed.Headers.Add("Origin", "https://www.kok-gegen-menschenhandel.de");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        using var foreign = new HttpRequestMessage(HttpMethod.Options, "api/donations");
        foreign.Headers.Add("Origin", "https://evil.example");

        using var allowedResponse = await _server.Client.SendAsync(allowed);
        using var foreignResponse = await _server.Client.SendAsync(foreign);

        Assert.Equal(HttpStatusCode.NoContent, allowedResponse.StatusCode);
        Assert.Equal("https://www.kok-gegen-menschenhandel.de", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, foreignResponse.StatusCode);
        Assert.False(foreignResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task WarmUpAsync()
    {
        // Tables and queues are created on first use in a process; count only steady-state requests.
        using var response = await _api.PostAsync(DonationApi.Body(), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<IReadOnlyList<StorageTransaction>> WritesDuringAsync(Func<Task> action) =>
        (await _counter.MeasureAsync(action)).Where(t => t.Method is not "GET" and not "HEAD").ToArray();

    private static string Mutate(Action<JsonObject> change)
    {
        var body = DonationApi.Body();
        change(body);
        return body.ToJsonString();
    }
}
