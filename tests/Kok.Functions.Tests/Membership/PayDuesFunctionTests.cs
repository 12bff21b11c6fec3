using System.Text;
using System.Web;
using Kok.Domain.Common;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Membership;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Functions.Tests.Membership;

public class PayDuesFunctionTests
{
    private const string MemberId = "mem_abcdefghijklmnopqrst";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ChargedAt = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(ChargedAt.AddDays(5));
    private readonly Mock<IMemberRepository> members = new();
    private readonly Mock<IPaymentGateway> gateway = new();
    private readonly MemberLinks links = new(new Uri("https://api.kok.example"), Encoding.UTF8.GetBytes(new string('s', 32)), TimeSpan.FromDays(60));

    public PayDuesFunctionTests()
    {
        gateway.Setup(g => g.CreateDuesCheckoutAsync(It.IsAny<DuesCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CheckoutSession("cs_dues", new Uri("https://checkout.example/cs_dues")));
    }

    private PayDuesFunction Function() => new(new PayOverdueDues(members.Object, gateway.Object, links, time));

    private string Token() => HttpUtility.ParseQueryString(links.PayDuesUrl(MemberId, time.GetUtcNow()).Query)["token"]!;

    private static HttpRequest Get(string token)
    {
        var request = HttpRequests.Create("GET", contentType: null);
        request.Path = $"/api/memberships/{MemberId}/dues/pay";
        request.QueryString = new QueryString("?token=" + token);
        return request;
    }

    private void Stored(Member member) =>
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(new VersionedMember(member, "1"));

    [Fact]
    public async Task Valid_link_of_an_overdue_member_redirects_303_to_the_checkout()
    {
        Stored(Overdue());
        var request = Get(Token());

        var result = Assert.IsType<StatusCodeResult>(await Function().PayAsync(request, MemberId, default));

        Assert.Equal(303, result.StatusCode);
        Assert.Equal("https://checkout.example/cs_dues", request.HttpContext.Response.Headers.Location.ToString());
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
        Assert.Equal("no-referrer", request.HttpContext.Response.Headers["Referrer-Policy"].ToString());
        gateway.Verify(g => g.CreateDuesCheckoutAsync(
            It.Is<DuesCheckoutRequest>(r => r.MemberId == MemberId && r.PeriodStart == new DateOnly(2027, 3, 1) && r.AmountCents == 6000),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Invalid_link_shows_a_bilingual_page_and_reads_nothing()
    {
        var token = Token();
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        var page = Assert.IsType<ContentResult>(await Function().PayAsync(Get(tampered), MemberId, default));

        Assert.Equal(400, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains("Link ungültig / Invalid link", page.Content, StringComparison.Ordinal);
        members.VerifyNoOtherCalls();
        gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Expired_link_is_410()
    {
        var token = Token();
        time.Advance(TimeSpan.FromDays(121));

        var page = Assert.IsType<ContentResult>(await Function().PayAsync(Get(token), MemberId, default));

        Assert.Equal(410, page.StatusCode);
        Assert.Contains("Link abgelaufen / Link expired", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Active_member_sees_nothing_to_pay_and_unknown_member_404()
    {
        Stored(Active());
        var page = Assert.IsType<ContentResult>(await Function().PayAsync(Get(Token()), MemberId, default));
        Assert.Equal(200, page.StatusCode);
        Assert.Contains("Es ist nichts zu zahlen, Ihre Fördermitgliedschaft ist aktiv.", page.Content, StringComparison.Ordinal);

        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync((VersionedMember?)null);
        var missing = Assert.IsType<ContentResult>(await Function().PayAsync(Get(Token()), MemberId, default));
        Assert.Equal(404, missing.StatusCode);
        gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Nothing_to_pay_page_follows_the_language_switch()
    {
        Stored(Active());
        var request = Get(Token());
        request.QueryString = new QueryString(request.QueryString.Value + "&lang=en");

        var page = Assert.IsType<ContentResult>(await Function().PayAsync(request, MemberId, default));

        Assert.Contains("<html lang=\"en\">", page.Content, StringComparison.Ordinal);
        Assert.Contains("there is nothing to pay, your supporting membership is active.", page.Content, StringComparison.Ordinal);
        Assert.Contains("&amp;lang=de\" lang=\"de\" hreflang=\"de\">Deutsch</a>", page.Content, StringComparison.Ordinal);
        Assert.Contains("<main>", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ended_membership_is_410_with_a_page()
    {
        var member = Overdue();
        member.Cancel(ChargedAt.AddDays(1), Member.CancelledByMember);
        Stored(member);

        var page = Assert.IsType<ContentResult>(await Function().PayAsync(Get(Token()), MemberId, default));

        Assert.Equal(410, page.StatusCode);
        Assert.Contains("Mitgliedschaft beendet", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_failure_is_503_problem_json()
    {
        Stored(Overdue());
        gateway.Setup(g => g.CreateDuesCheckoutAsync(It.IsAny<DuesCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("rate limited") { IsTransient = true, RetryAfter = TimeSpan.FromSeconds(2.5) });
        var request = Get(Token());
        request.Headers.Accept = "application/json"; // a script; a browser (or a client that names nothing) gets a page

        var result = Assert.IsType<ObjectResult>(await Function().PayAsync(request, MemberId, default));

        Assert.Equal(503, result.StatusCode);
        Assert.Contains("application/problem+json", result.ContentTypes);
        Assert.Equal("3", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Provider_failure_shows_a_browser_a_page_saying_nothing_was_charged()
    {
        Stored(Overdue());
        gateway.Setup(g => g.CreateDuesCheckoutAsync(It.IsAny<DuesCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("down") { IsTransient = true, RetryAfter = TimeSpan.FromSeconds(30) });
        var request = Get(Token());
        request.Headers.Accept = "text/html,application/xhtml+xml,*/*;q=0.8";

        var page = Assert.IsType<ContentResult>(await Function().PayAsync(request, MemberId, default));

        Assert.Equal(503, page.StatusCode);
        Assert.Contains("es wurde nichts abgebucht", page.Content, StringComparison.Ordinal);
        Assert.Equal("30", request.HttpContext.Response.Headers.RetryAfter.ToString());
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    private static Member Active()
    {
        var member = Member.Create(
            MemberId,
            new MembershipRequest(MemberKind.Person, "Erika Mustermann", null, "erika@example.de",
                new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000, PaymentMethodKind.Card, "de", false),
            T0);
        member.AttachCheckout(new CheckoutSession("cs_1", new Uri("https://checkout.example/cs_1")));
        member.Apply(new CheckoutCompleted("evt_1", T0, new Dictionary<string, string>(), "cs_1", MemberId, true, false, "pi_1", null, "cus_1", 6000));
        return member;
    }

    private static Member Overdue()
    {
        var member = Active();
        member.RecordPreNotification(new DateOnly(2027, 2, 15));
        member.RequestDuesCharge(new DateOnly(2027, 3, 1));
        member.RecordDuesCharge(new DateOnly(2027, 3, 1), new DuesChargeResult(DuesChargeStatus.Failed, "pi_d1", "card_declined"), ChargedAt);
        return member;
    }
}
