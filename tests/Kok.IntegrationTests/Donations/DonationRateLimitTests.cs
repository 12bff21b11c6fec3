using System.Net;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Donations;

[Collection(PipelineSerial.Name)]
public sealed class DonationRateLimitTests
{
    [Fact]
    public async Task Sixth_attempt_within_five_minutes_is_429_with_retry_after()
    {
        await using var server = await DevHostServer.StartAsync(o => o.OnlyFunctions.Add("CreateDonation"));
        var api = new DonationApi(server);

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await api.PostRawAsync("{}");
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await api.PostAsync(DonationApi.Body());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 300);
        await DonationApi.ProblemAsync(refused);
    }
}
