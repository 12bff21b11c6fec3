using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Payments;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class HandleMemberPaymentEventTests
{
    private readonly InMemoryMemberRepository repository = new();
    private readonly Mock<IPaymentGateway> gateway = new(MockBehavior.Strict);
    private readonly List<ReceiptMailRequest> receipts = [];
    private readonly List<MemberMailRequest> mails = [];
    private readonly HandleMemberPaymentEvent useCase;

    public HandleMemberPaymentEventTests()
    {
        var receiptQueue = new Mock<IReceiptMailQueue>();
        receiptQueue.Setup(q => q.EnqueueAsync(It.IsAny<ReceiptMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<ReceiptMailRequest, CancellationToken>((r, _) => receipts.Add(r)).Returns(Task.CompletedTask);
        var mailQueue = new Mock<IMemberMailQueue>();
        mailQueue.Setup(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<MemberMailRequest, CancellationToken>((r, _) => mails.Add(r)).Returns(Task.CompletedTask);
        gateway.Setup(g => g.GetSavedPaymentMethodAsync("pi_m1", It.IsAny<CancellationToken>())).ReturnsAsync(Sepa);
        useCase = new HandleMemberPaymentEvent(repository, gateway.Object, receiptQueue.Object, mailQueue.Object);
        repository.TryAddAsync(NewMember(), default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Activation_records_the_saved_method_and_asks_for_receipt_and_welcome_mail()
    {
        await useCase.ExecuteAsync(Completed("evt_1", paid: false), default);
        Assert.Empty(receipts);
        Assert.Equal(MembershipStatus.Processing, repository.Stored(MemberId).Status);

        var handled = await useCase.ExecuteAsync(Succeeded("evt_2"), default);

        Assert.Equal(PaymentEventDisposition.Processed, handled.Disposition);
        var member = repository.Stored(MemberId);
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(Sepa, member.SavedPaymentMethod);
        Assert.Equal([new ReceiptMailRequest(ReceiptSubjectKind.Membership, MemberId, member.FirstPayment!.Id)], receipts);
        Assert.Equal([new MemberMailRequest(MemberMailKind.Welcome, MemberId)], mails);
        Assert.Equal(MemberId, repository.Index[new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_m1")]);
        gateway.Verify(g => g.GetSavedPaymentMethodAsync("pi_m1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Redelivery_changes_and_sends_nothing()
    {
        await useCase.ExecuteAsync(Completed("evt_1", paid: true), default);
        var saves = repository.Saves;

        var again = await useCase.ExecuteAsync(Completed("evt_1", paid: true), default);

        Assert.Equal(PaymentEventDisposition.Duplicate, again.Disposition);
        Assert.Equal(saves, repository.Saves);
        Assert.Single(receipts);
        Assert.Single(mails);
    }

    [Fact]
    public async Task Failed_first_debit_asks_for_the_retry_mail()
    {
        await useCase.ExecuteAsync(Completed("evt_1", paid: false), default);

        await useCase.ExecuteAsync(Failed("evt_2"), default);

        Assert.Equal(MembershipStatus.Pending, repository.Stored(MemberId).Status);
        Assert.Equal([new MemberMailRequest(MemberMailKind.FirstPaymentFailed, MemberId)], mails);
        Assert.Empty(receipts);
    }

    [Fact]
    public async Task Permanent_lookup_failure_still_activates()
    {
        gateway.Setup(g => g.GetSavedPaymentMethodAsync("pi_m1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("no such payment intent"));

        await useCase.ExecuteAsync(Completed("evt_1", paid: true), default);

        Assert.Equal(MembershipStatus.Active, repository.Stored(MemberId).Status);
        Assert.Null(repository.Stored(MemberId).SavedPaymentMethod);
    }

    [Fact]
    public async Task Router_sends_member_events_to_members_and_refunds_through_the_index()
    {
        var donations = new InMemoryDonationRepository();
        var router = new PaymentEventRouter(
            new HandlePaymentEvent(donations, Mock.Of<IReceiptMailQueue>()), useCase, new InMemoryPaymentReferenceIndex(donations, repository));

        Assert.Equal(PaymentEventDisposition.Processed, await router.HandleAsync(Completed("evt_1", paid: true), default));
        Assert.Equal(MembershipStatus.Active, repository.Stored(MemberId).Status);

        var refund = new ChargeRefunded("evt_r", T0.AddDays(3), new Dictionary<string, string>(), "ch_1", "pi_m1", 6000, true);
        Assert.Equal(PaymentEventDisposition.Processed, await router.HandleAsync(refund, default));
        Assert.Equal(PaymentStatus.Refunded, repository.Stored(MemberId).FirstPayment!.Status);

        var unknown = refund with { EventId = "evt_u", PaymentIntentId = "pi_unknown" };
        Assert.Equal(PaymentEventDisposition.RetryLater, await router.HandleAsync(unknown, default));
    }
}
