using System.Web;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dues;

public class PayOverdueDuesTests
{
    private static readonly Uri Checkout = new("https://checkout.example/cs_dues");

    private readonly Mock<IMemberRepository> members = new();
    private readonly Mock<IPaymentGateway> gateway = new();
    private readonly FakeTimeProvider time = new(ChargedAt.AddDays(10));
    private readonly MemberLinks links = Links();
    private readonly List<DuesCheckoutRequest> checkouts = [];

    public PayOverdueDuesTests()
    {
        gateway.Setup(g => g.CreateDuesCheckoutAsync(It.IsAny<DuesCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .Callback<DuesCheckoutRequest, CancellationToken>((r, _) => checkouts.Add(r))
            .ReturnsAsync(new CheckoutSession("cs_dues", Checkout));
    }

    private PayOverdueDues UseCase => new(members.Object, gateway.Object, links, time);

    private string Token() => HttpUtility.ParseQueryString(links.PayDuesUrl(MemberId, time.GetUtcNow()).Query)["token"]!;

    private void Stored(Member member) =>
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(new VersionedMember(member, "1"));

    [Fact]
    public async Task Overdue_member_gets_a_checkout_for_the_overdue_period()
    {
        Stored(Overdue(PaymentMethodKind.SepaDebit, "en"));

        var result = Assert.IsType<DuesCheckoutStarted>(await UseCase.ExecuteAsync(MemberId, Token(), default));

        Assert.Equal(Checkout, result.CheckoutUrl);
        Assert.Equal(Period, result.Period);
        Assert.Equal(new DuesCheckoutRequest(MemberId, DueDate, 6000, PaymentMethodKind.SepaDebit, CustomerId, "erika@example.de", "en"), Assert.Single(checkouts));
        members.Verify(m => m.TrySaveAsync(It.IsAny<Member>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<Kok.Domain.Donations.PaymentReference>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Lapsed_member_pays_the_membership_year_containing_today()
    {
        Stored(Lapsed());
        time.SetUtcNow(new DateTimeOffset(2028, 4, 2, 10, 0, 0, TimeSpan.Zero));

        var result = Assert.IsType<DuesCheckoutStarted>(await UseCase.ExecuteAsync(MemberId, Token(), default));

        Assert.Equal(new DuesPeriod(new DateOnly(2028, 3, 1), new DateOnly(2029, 2, 28)), result.Period);
        Assert.Equal(new DateOnly(2028, 3, 1), Assert.Single(checkouts).PeriodStart);
    }

    [Fact]
    public async Task Active_member_has_nothing_to_pay()
    {
        Stored(PaidByLink(Overdue(), DueDate, ChargedAt.AddDays(2)));

        var result = Assert.IsType<NoDuesToPay>(await UseCase.ExecuteAsync(MemberId, Token(), default));

        Assert.Equal(MembershipStatus.Active, result.Status);
        Assert.False(result.MembershipEnded);
        Assert.Empty(checkouts);
    }

    [Fact]
    public async Task Ended_membership_and_payment_in_progress_open_no_checkout()
    {
        var ended = Overdue();
        ended.Cancel(ChargedAt.AddDays(1), Member.CancelledByMember);
        Stored(ended);
        Assert.True(Assert.IsType<NoDuesToPay>(await UseCase.ExecuteAsync(MemberId, Token(), default)).MembershipEnded);

        var paying = Overdue();
        paying.Apply(new CheckoutCompleted("evt_sepa", ChargedAt.AddDays(2),
            new Dictionary<string, string> { ["memberId"] = MemberId, ["duesPeriod"] = "2027-03-01" },
            "cs_dues", MemberId, Paid: false, SubscriptionMode: false, "pi_link", null, CustomerId, 6000));
        Stored(paying);
        Assert.True(Assert.IsType<NoDuesToPay>(await UseCase.ExecuteAsync(MemberId, Token(), default)).PaymentInProgress);
        Assert.Empty(checkouts);
    }

    [Fact]
    public async Task Bad_tokens_are_rejected_before_anything_is_read()
    {
        Stored(Overdue());
        var cancelToken = HttpUtility.ParseQueryString(links.CancelUrl(MemberId, time.GetUtcNow()).Query)["token"]!;
        var token = Token();

        Assert.Equal(new PayDuesLinkRejected(LinkTokenCheck.Invalid), await UseCase.ExecuteAsync(MemberId, cancelToken, default));
        Assert.Equal(new PayDuesLinkRejected(LinkTokenCheck.Invalid), await UseCase.ExecuteAsync(MemberId, null, default));
        Assert.Equal(new PayDuesLinkRejected(LinkTokenCheck.Invalid), await UseCase.ExecuteAsync("mem_zzzzzzzzzzzzzzzzzzzz", token, default));
        Assert.Equal(new PayDuesLinkRejected(LinkTokenCheck.Invalid), await UseCase.ExecuteAsync("../x", token, default));
        time.Advance(TimeSpan.FromDays(121));
        Assert.Equal(new PayDuesLinkRejected(LinkTokenCheck.Expired), await UseCase.ExecuteAsync(MemberId, token, default));

        members.Verify(m => m.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Provider_failure_surfaces_as_the_gateway_exception()
    {
        Stored(Overdue());
        gateway.Setup(g => g.CreateDuesCheckoutAsync(It.IsAny<DuesCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("down") { IsTransient = true });

        await Assert.ThrowsAsync<PaymentGatewayException>(() => UseCase.ExecuteAsync(MemberId, Token(), default));
    }
}
