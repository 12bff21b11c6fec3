using Kok.Domain.SelfService;

namespace Kok.Domain.Tests.SelfService;

public class SignInLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Key = SupporterKey.Of("erika@example.org");

    [Fact]
    public void Only_the_hash_of_the_token_is_kept_and_the_token_finds_it_again()
    {
        var (link, token) = SignInLink.Issue(Key, Now);

        Assert.DoesNotContain(token, link.ToString(), StringComparison.Ordinal);
        Assert.Equal(link.TokenHash, SignInLink.HashOf(token));
        Assert.True(token.Length >= 43);
    }

    [Fact]
    public void Two_links_never_share_a_token()
    {
        Assert.NotEqual(SignInLink.Issue(Key, Now).Token, SignInLink.Issue(Key, Now).Token);
    }

    [Fact]
    public void A_link_is_valid_for_thirty_minutes()
    {
        var (link, _) = SignInLink.Issue(Key, Now);

        Assert.Equal(SignInLinkCheck.Valid, link.Check(Now.AddMinutes(29).AddSeconds(59)));
        Assert.Equal(SignInLinkCheck.Expired, link.Check(Now.AddMinutes(30)));
    }

    [Fact]
    public void A_used_link_cannot_be_used_again()
    {
        var used = SignInLink.Issue(Key, Now).Link.Use(Now.AddMinutes(1));

        Assert.Equal(SignInLinkCheck.Used, used.Check(Now.AddMinutes(2)));
        Assert.Throws<InvalidOperationException>(() => used.Use(Now.AddMinutes(2)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("abc%2F")]
    [InlineData("<script>")]
    public void Text_that_cannot_be_a_token_is_never_looked_up(string? token)
    {
        Assert.Null(SignInLink.HashOf(token));
    }

    [Fact]
    public void The_supporter_key_ignores_case_and_surrounding_spaces()
    {
        Assert.Equal(Key, SupporterKey.Of("  Erika@Example.ORG "));
        Assert.True(SupporterKey.IsWellFormed(Key));
        Assert.False(SupporterKey.IsWellFormed(Key.ToUpperInvariant()));
    }
}
