using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Http;

/// <summary>
/// JSON that two readers could read differently, through DevHost on the public forms: 400 naming the field, and not
/// a single storage request (so nothing written). <c>"amount":5,"amount":9999</c> once became a paid 9,999 € donation.
/// </summary>
public sealed class JsonTrapTests : IAsyncLifetime
{
    private readonly StorageTransactionCounter _counter = new();
    private DevHostServer _server = null!;

    public static TheoryData<string, string, string> Traps() => new()
    {
        { "api/donations", """{"amount":5,"currency":"EUR","amount":9999}""", "amount" },
        { "api/donations", """{"amount":5,"\u0061mount":9999}""", "amount" },
        { "api/donations", """{"donor":{"name":"Erika","email":"e@example.org","name":"=HYPERLINK(1)"}}""", "donor.name" },
        { "api/donations", """{"donor":{"name":"\ud800","email":"e@example.org"}}""", "donor.name" },
        { "api/donations", """{"donor":{"address":{"city":"Berlin\udc00"}}}""", "donor.address.city" },
        { "api/donations", """{"amount":5,"\udc00":1}""", "body" },
        { "api/memberships", """{"annualAmount":60,"annualAmount":6000}""", "annualAmount" },
        { "api/memberships", """{"consents":{"privacy":false,"privacy":true}}""", "consents.privacy" },
        { "api/memberships", """{"name":"\ud800\u0041"}""", "name" },
    };

    public async Task InitializeAsync() => _server = await DevHostServer.StartAsync(o =>
    {
        o.OnlyFunctions.Add("CreateDonation");
        o.OnlyFunctions.Add("CreateMembership");
        o.TransactionCounter = _counter;
        o.Settings["RateLimit:PermitLimit"] = "1000";
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Traps))]
    public async Task Json_read_differently_by_different_readers_is_400_naming_the_field_and_nothing_is_stored(string path, string json, string field)
    {
        var requests = await _counter.MeasureAsync(async () =>
        {
            using var response = await PostAsync(path, Encoding.UTF8.GetBytes(json));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, DonationApi.ErrorFields(await DonationApi.ProblemAsync(response)));
        });

        Assert.Empty(requests);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_value_is_400_naming_the_field_and_nothing_is_stored()
    {
        var form = DonationApi.Body().ToJsonString().Replace("Erika Mustermann", "Erika \u0001", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(form);
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;

        var requests = await _counter.MeasureAsync(async () =>
        {
            using var response = await PostAsync("api/donations", bytes);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["donor.name"], DonationApi.ErrorFields(await DonationApi.ProblemAsync(response)));
        });

        Assert.Empty(requests);
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _server.Client.PostAsync(path, content);
    }
}
