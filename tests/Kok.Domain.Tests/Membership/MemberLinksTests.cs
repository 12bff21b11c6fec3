using System.Web;
using Kok.Domain.Membership;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class MemberLinksTests
{
    private readonly MemberLinks links = Links();

    private static string TokenOf(Uri url) => HttpUtility.ParseQueryString(url.Query)["token"]!;

    [Fact]
    public void Cancel_link_points_to_the_member_and_is_valid_until_it_expires()
    {
        var url = links.CancelUrl(MemberId, T0);

        Assert.StartsWith($"https://api.kok.example/api/memberships/{MemberId}/cancel?token=", url.ToString(), StringComparison.Ordinal);
        var token = TokenOf(url);
        Assert.Equal(LinkTokenCheck.Valid, links.Check(MemberId, MemberLinks.CancelPurpose, token, T0.AddDays(59)));
        Assert.Equal(LinkTokenCheck.Expired, links.Check(MemberId, MemberLinks.CancelPurpose, token, T0.AddDays(60)));
    }

    [Fact]
    public void Tampered_foreign_and_other_purpose_tokens_are_invalid()
    {
        var token = TokenOf(links.CancelUrl(MemberId, T0));
        var flipped = (token[10] == 'A' ? 'B' : 'A') + string.Empty;

        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.CancelPurpose, token[..10] + flipped + token[11..], T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.CancelPurpose, token[..^1], T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check("mem_zzzzzzzzzzzzzzzzzzzz", MemberLinks.CancelPurpose, token, T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, "pay", token, T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.CancelPurpose, null, T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.CancelPurpose, "not a token!", T0));

        var otherSecret = new MemberLinks(new Uri("https://api.kok.example/"), new byte[32], TimeSpan.FromDays(60));
        Assert.Equal(LinkTokenCheck.Invalid, otherSecret.Check(MemberId, MemberLinks.CancelPurpose, token, T0));
    }

    [Fact]
    public void Expiry_cannot_be_extended_by_editing_the_token()
    {
        var token = links.CreateToken(MemberId, MemberLinks.CancelPurpose, T0.AddDays(1));
        var later = links.CreateToken(MemberId, MemberLinks.CancelPurpose, T0.AddDays(100));

        // The expiry of one token with the signature of another.
        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.CancelPurpose, later[..11] + token[11..], T0.AddDays(2)));
    }

    [Fact]
    public void Pay_dues_link_points_to_the_member_and_is_valid_for_120_days_by_default()
    {
        var url = links.PayDuesUrl(MemberId, T0);

        Assert.StartsWith($"https://api.kok.example/api/memberships/{MemberId}/dues/pay?token=", url.ToString(), StringComparison.Ordinal);
        var token = TokenOf(url);
        Assert.Equal(LinkTokenCheck.Valid, links.Check(MemberId, MemberLinks.PayDuesPurpose, token, T0.AddDays(119)));
        Assert.Equal(LinkTokenCheck.Expired, links.Check(MemberId, MemberLinks.PayDuesPurpose, token, T0.AddDays(120)));
    }

    [Fact]
    public void Pay_and_cancel_tokens_do_not_stand_in_for_each_other()
    {
        var pay = TokenOf(links.PayDuesUrl(MemberId, T0));
        var cancel = TokenOf(links.CancelUrl(MemberId, T0));

        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.CancelPurpose, pay, T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check(MemberId, MemberLinks.PayDuesPurpose, cancel, T0));
        Assert.Equal(LinkTokenCheck.Invalid, links.Check("mem_zzzzzzzzzzzzzzzzzzzz", MemberLinks.PayDuesPurpose, pay, T0));
    }

    [Fact]
    public void Pay_dues_lifetime_is_configurable()
    {
        var shortLived = new MemberLinks(new Uri("https://api.kok.example/"), Secret, TimeSpan.FromDays(60), TimeSpan.FromDays(10));
        var token = TokenOf(shortLived.PayDuesUrl(MemberId, T0));

        Assert.Equal(LinkTokenCheck.Valid, shortLived.Check(MemberId, MemberLinks.PayDuesPurpose, token, T0.AddDays(9)));
        Assert.Equal(LinkTokenCheck.Expired, shortLived.Check(MemberId, MemberLinks.PayDuesPurpose, token, T0.AddDays(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemberLinks(new Uri("https://a.example"), Secret, TimeSpan.FromDays(1), TimeSpan.Zero));
    }

    [Fact]
    public void Short_secrets_are_refused() =>
        Assert.Throws<ArgumentException>(() => new MemberLinks(new Uri("https://a.example"), new byte[31], TimeSpan.FromDays(1)));
}
