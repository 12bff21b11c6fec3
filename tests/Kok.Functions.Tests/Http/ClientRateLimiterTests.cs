using Kok.Functions.Http;
using Microsoft.Extensions.Time.Testing;

namespace Kok.Functions.Tests.Http;

public class ClientRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Allows_the_permit_limit_then_refuses_until_the_oldest_attempt_leaves_the_window()
    {
        var limiter = new ClientRateLimiter(new RateLimitOptions(5, TimeSpan.FromMinutes(5), null), _time);

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limiter.TryAcquire("203.0.113.7"));
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var wait = limiter.TryAcquire("203.0.113.7");
        Assert.Equal(TimeSpan.FromSeconds(250), wait);

        _time.Advance(TimeSpan.FromSeconds(250));
        Assert.Null(limiter.TryAcquire("203.0.113.7"));
        Assert.NotNull(limiter.TryAcquire("203.0.113.7"));
    }

    [Fact]
    public void Clients_have_separate_budgets()
    {
        var limiter = new ClientRateLimiter(new RateLimitOptions(1, TimeSpan.FromMinutes(5), null), _time);

        Assert.Null(limiter.TryAcquire("203.0.113.7"));
        Assert.NotNull(limiter.TryAcquire("203.0.113.7"));
        Assert.Null(limiter.TryAcquire("198.51.100.1"));
    }

    [Fact]
    public void Uses_the_last_entry_of_the_configured_forwarding_header_only()
    {
        var trusting = new ClientRateLimiter(new RateLimitOptions(1, TimeSpan.FromMinutes(5), "X-Forwarded-For"), _time);
        var plain = new ClientRateLimiter(new RateLimitOptions(1, TimeSpan.FromMinutes(5), null), _time);
        var request = HttpRequests.Create();
        request.Headers["X-Forwarded-For"] = "10.9.9.9, 203.0.113.7:51234";
        request.HttpContext.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;

        Assert.Equal("203.0.113.7", trusting.ClientAddress(request));
        Assert.Equal("127.0.0.1", plain.ClientAddress(request));
    }
}
