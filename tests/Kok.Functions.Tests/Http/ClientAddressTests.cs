using System.Net;
using Kok.Functions.Http;
using Microsoft.Extensions.Time.Testing;

namespace Kok.Functions.Tests.Http;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("203.0.113.7:51234")]
    [InlineData("  203.0.113.7  ")]
    [InlineData("203.0.113.7:0")]
    [InlineData("::ffff:203.0.113.7")]
    [InlineData("::FFFF:203.0.113.7")]
    [InlineData("[::ffff:203.0.113.7]")]
    [InlineData("[::ffff:203.0.113.7]:443")]
    [InlineData("::ffff:cb00:7107")]
    [InlineData("for=203.0.113.7")]
    [InlineData("for=\"203.0.113.7:8080\";proto=https")]
    public void Every_spelling_of_an_IPv4_client_is_the_same_client(string entry) =>
        Assert.Equal("203.0.113.7", ClientAddress.Parse(entry));

    [Theory]
    [InlineData("2001:db8::8")]
    [InlineData("2001:DB8::8")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0008")]
    [InlineData("2001:db8::ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8:0:0:1234:5678:9abc:def0")]
    [InlineData("[2001:db8::8]")]
    [InlineData("[2001:db8::8]:50001")]
    [InlineData(" [2001:db8::1:2]:1 ")]
    [InlineData("2001:db8::8%eth0")]
    [InlineData("[2001:db8::8%25]:80")]
    [InlineData("for=\"[2001:db8::8]:4711\"")]
    public void Every_address_of_one_IPv6_64_network_in_every_spelling_is_the_same_client(string entry) =>
        Assert.Equal("2001:db8::/64", ClientAddress.Parse(entry));

    [Theory]
    [InlineData("2001:db8:0:1::8", "2001:db8:0:1::/64")]
    [InlineData("fe80::1%eth0", "fe80::/64")]
    [InlineData("::1", "::/64")]
    [InlineData("198.51.100.1", "198.51.100.1")]
    public void Other_networks_are_other_clients(string entry, string key) => Assert.Equal(key, ClientAddress.Parse(entry));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("unknown")]
    [InlineData("for=_hidden")]
    [InlineData("203.0.113.7:99999")]
    [InlineData("203.0.113.7:http")]
    [InlineData("203.0.113")]
    [InlineData("2130706433")]
    [InlineData("[2001:db8::8")]
    [InlineData("[2001:db8::8]x")]
    [InlineData("[2001:db8::8]:")]
    [InlineData("2001:db8::8]:80")]
    [InlineData("[203.0.113.7:80]")]
    [InlineData("ü")]
    public void What_is_no_address_is_not_a_client_key(string entry) => Assert.Null(ClientAddress.Parse(entry));

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("1.2.3.4, nonsense")]
    public void An_unparseable_last_entry_counts_under_the_connection_address(string forwarded)
    {
        var limiter = new ClientRateLimiter(new RateLimitOptions(1, TimeSpan.FromMinutes(5), "X-Forwarded-For"), new FakeTimeProvider());
        var request = HttpRequests.Create();
        request.Headers["X-Forwarded-For"] = forwarded;
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8:aa:bb:1:2:3:4");

        Assert.Equal("2001:db8:aa:bb::/64", limiter.ClientAddress(request));
    }

    [Fact]
    public void The_connection_address_is_keyed_the_same_way()
    {
        var limiter = new ClientRateLimiter(new RateLimitOptions(2, TimeSpan.FromMinutes(5), null), new FakeTimeProvider());
        string[] sameNetwork = ["2001:db8:aa:bb::1", "2001:db8:aa:bb:ffff::9"];
        foreach (var address in sameNetwork)
        {
            var request = HttpRequests.Create();
            request.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse(address);
            Assert.Null(limiter.TryAcquire(request));
        }

        var third = HttpRequests.Create();
        third.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8:aa:bb::77");
        var mapped = HttpRequests.Create();
        mapped.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:203.0.113.7");

        Assert.NotNull(limiter.TryAcquire(third));
        Assert.Equal("203.0.113.7", limiter.ClientAddress(mapped));
    }
}
