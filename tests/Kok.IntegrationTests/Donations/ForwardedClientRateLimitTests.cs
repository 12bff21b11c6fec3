using System.Net;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Donations;

/// <summary>
/// Behind a front end (<c>RateLimit__ClientAddressHeader=X-Forwarded-For</c>) one client is one budget whatever
/// address spelling the front end appends and whichever address of its IPv6 /64 it sends from.
/// </summary>
public sealed class ForwardedClientRateLimitTests
{
    [Theory]
    [InlineData("2001:db8:7:9::1", "[2001:db8:7:9::2]:50001", "2001:db8:7:9:ffff:ffff:ffff:fffe", "[2001:db8:7:9:1:2:3:4]:443", "2001:db8:7:a::1")]
    [InlineData("198.51.100.7", "198.51.100.7:50001", "::ffff:198.51.100.7", "[::ffff:198.51.100.7]:443", "198.51.100.8")]
    public async Task Rotating_spellings_and_addresses_of_one_client_hit_the_limit(
        string first, string second, string third, string fourth, string someoneElse)
    {
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.Settings["RateLimit:PermitLimit"] = "3";
            o.Settings["RateLimit:ClientAddressHeader"] = "X-Forwarded-For";
        });

        foreach (var address in new[] { first, second, third })
        {
            using var allowed = await PostAsync(server, "10.0.0.1, " + address);
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await PostAsync(server, "203.0.113.250,  " + fourth + " ");
        using var other = await PostAsync(server, someoneElse);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 300);
        await DonationApi.ProblemAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(DevHostServer server, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/donations") { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return server.Client.SendAsync(request);
    }
}
