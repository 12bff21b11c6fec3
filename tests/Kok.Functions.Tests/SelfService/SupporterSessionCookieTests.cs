using System.Text;
using Kok.Domain.SelfService;
using Kok.Functions.SelfService;
using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Tests.SelfService;

public class SupporterSessionCookieTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Key = SupporterKey.Of("erika@example.org");
    private static readonly SupporterSessionCookie Cookies = new(Encoding.UTF8.GetBytes("a-test-secret-of-at-least-32-bytes-long!"), secure: true);

    [Fact]
    public void A_signed_in_cookie_names_the_supporter_for_thirty_idle_minutes()
    {
        var value = SignedIn(Now);

        Assert.Equal(Key, Cookies.Read(Request(value), Now.AddMinutes(29)));
        Assert.Null(Cookies.Read(Request(value), Now.AddMinutes(30)));
    }

    [Fact]
    public void The_cookie_is_http_only_same_site_lax_and_secure()
    {
        var http = new DefaultHttpContext();
        Cookies.SignIn(http.Response, Key, Now);

        var header = http.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        Assert.Contains("httponly", header, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", header, StringComparison.Ordinal);
        Assert.Contains("secure", header, StringComparison.Ordinal);
        Assert.DoesNotContain("erika", header, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_cookie_or_one_signed_with_anotherSecret_names_nobody()
    {
        var value = SignedIn(Now);
        var other = SupporterKey.Of("max@example.org");
        var moved = value.Replace(Key, other, StringComparison.Ordinal);
        var otherSecret = new SupporterSessionCookie(Encoding.UTF8.GetBytes("another-secret-of-at-least-32-bytes-long"), secure: true);

        Assert.Null(Cookies.Read(Request(moved), Now));
        Assert.Null(Cookies.Read(Request(value + "x"), Now));
        Assert.Null(otherSecret.Read(Request(value), Now));
        Assert.Null(Cookies.Read(Request("v1." + Key + ".1.1.abc"), Now));
    }

    [Fact]
    public void The_member_email_index_uses_the_same_hash_as_the_supporter_key()
    {
        Assert.Equal("email:" + Key, Kok.Functions.Membership.MemberEmailIndexProjection.EmailKey(" Erika@Example.org"));
    }

    private static string SignedIn(DateTimeOffset at)
    {
        var http = new DefaultHttpContext();
        Cookies.SignIn(http.Response, Key, at);
        var header = http.Response.Headers.SetCookie.ToString();
        return header[(SupporterSessionCookie.Name.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static HttpRequest Request(string cookie)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{SupporterSessionCookie.Name}={cookie}";
        return http.Request;
    }
}
