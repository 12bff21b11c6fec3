using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Dues;

/// <summary>The dues-charge consumer: one provider charge per member and period, whatever the deliveries.</summary>
public sealed class ChargeDuesTests
{
    private static readonly DateOnly Due = new(2027, 3, 1);
    private readonly InMemoryMemberRepository repository = new();
    private readonly Mock<IPaymentGateway> gateway = new();
    private readonly Mock<IReceiptMailQueue> receipts = new();
    private readonly Mock<IMemberMailQueue> memberMails = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));

    private ChargeDues Charge() => new(repository, gateway.Object, receipts.Object, memberMails.Object, clock);

    private Member Requested(bool requested = true)
    {
        var member = MemberFixtures.ActiveMember();
        member.RecordPreNotification(new DateOnly(2027, 2, 15));
        if (requested)
        {
            member.RequestDuesCharge(Due);
        }

        repository.Put(member);
        return member;
    }

    private void Answer(DuesChargeResult result) =>
        gateway.Setup(g => g.ChargeDuesAsync(It.IsAny<DuesChargeRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    [Fact]
    public async Task Charges_once_with_a_key_from_member_and_period_and_asks_for_the_receipt()
    {
        var member = Requested();
        Answer(new DuesChargeResult(DuesChargeStatus.Succeeded, "pi_d1"));

        Assert.Equal(DuesChargeOutcome.Paid, (await Charge().ExecuteAsync(new(member.Id, Due), default)).Outcome);
        Assert.Equal(DuesChargeOutcome.AlreadyHandled, (await Charge().ExecuteAsync(new(member.Id, Due), default)).Outcome);

        gateway.Verify(g => g.ChargeDuesAsync(
            It.Is<DuesChargeRequest>(r => r.IdempotencyKey == $"dues:{member.Id}:2027-03-01" && r.AmountCents == 6000
                && r.PaymentMethodId == "pm_c" && r.CustomerId == MemberFixtures.CustomerId),
            It.IsAny<CancellationToken>()), Times.Once);
        receipts.Verify(q => q.EnqueueAsync(
            new ReceiptMailRequest(ReceiptSubjectKind.Membership, member.Id, member.DuesPaymentId(Due)), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(MembershipStatus.Active, repository.Stored(member.Id).Status);
        Assert.Equal(new DateOnly(2028, 3, 1), repository.Stored(member.Id).NextDuesDate);
    }

    [Fact]
    public async Task A_message_that_overtook_the_runs_save_creates_the_same_entry_and_charges()
    {
        var member = Requested(requested: false);
        Answer(new DuesChargeResult(DuesChargeStatus.Processing, "pi_s1"));

        var handled = await Charge().ExecuteAsync(new(member.Id, Due), default);

        Assert.Equal(DuesChargeOutcome.Processing, handled.Outcome);
        Assert.Equal(DuesEntryStatus.Processing, repository.Stored(member.Id).DuesEntryFor(Due)!.Status);
        Assert.Equal(DuesChargeOutcome.AlreadyHandled, (await Charge().ExecuteAsync(new(member.Id, Due), default)).Outcome);
        gateway.Verify(g => g.ChargeDuesAsync(It.IsAny<DuesChargeRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_charge_needing_authentication_makes_the_member_overdue_and_mails_a_pay_link()
    {
        var member = Requested();
        Answer(new DuesChargeResult(DuesChargeStatus.RequiresAction, "pi_a1", "authentication_required"));

        Assert.Equal(DuesChargeOutcome.Failed, (await Charge().ExecuteAsync(new(member.Id, Due), default)).Outcome);

        Assert.Equal(MembershipStatus.Overdue, repository.Stored(member.Id).Status);
        memberMails.Verify(q => q.EnqueueAsync(
            MemberMailRequest.ForPeriod(MemberMailKind.DuesChargeFailed, member.Id, Due), It.IsAny<CancellationToken>()), Times.Once);
        receipts.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_rate_limit_leaves_the_entry_pending_and_asks_to_come_again_after_retry_after()
    {
        var member = Requested();
        gateway.Setup(g => g.ChargeDuesAsync(It.IsAny<DuesChargeRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("rate limited") { IsTransient = true, RetryAfter = TimeSpan.FromSeconds(7) });

        var handled = await Charge().ExecuteAsync(new(member.Id, Due), default);

        Assert.Equal(new DuesChargeHandled(DuesChargeOutcome.RateLimited, TimeSpan.FromSeconds(7)), handled);
        Assert.Equal(DuesEntryStatus.Pending, repository.Stored(member.Id).DuesEntryFor(Due)!.Status);
        Assert.Equal(0, repository.Saves);
    }

    [Fact]
    public async Task An_unreachable_provider_throws_so_the_queue_retries()
    {
        var member = Requested();
        gateway.Setup(g => g.ChargeDuesAsync(It.IsAny<DuesChargeRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("down") { IsTransient = true });

        await Assert.ThrowsAsync<PaymentGatewayException>(() => Charge().ExecuteAsync(new(member.Id, Due), default));
        Assert.Equal(DuesEntryStatus.Pending, repository.Stored(member.Id).DuesEntryFor(Due)!.Status);
    }

    [Fact]
    public async Task A_cancelled_member_or_another_period_is_not_charged()
    {
        var member = Requested();
        member.Cancel(clock.GetUtcNow(), Member.CancelledByMember);
        repository.Put(member);

        Assert.Equal(DuesChargeOutcome.NotChargeable, (await Charge().ExecuteAsync(new(member.Id, Due), default)).Outcome);
        Assert.Equal(DuesChargeOutcome.NotChargeable, (await Charge().ExecuteAsync(new(member.Id, Due.AddYears(1)), default)).Outcome);
        Assert.Equal(DuesChargeOutcome.NotChargeable, (await Charge().ExecuteAsync(new("mem_unknownunknownunkno", Due), default)).Outcome);
        gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Only_a_member_that_does_not_exist_is_reported_as_not_found()
    {
        var member = Requested();
        member.Cancel(clock.GetUtcNow(), Member.CancelledByMember);
        repository.Put(member);

        Assert.False((await Charge().ExecuteAsync(new(member.Id, Due), default)).MemberNotFound);
        Assert.True((await Charge().ExecuteAsync(new("mem_unknownunknownunkno", Due), default)).MemberNotFound);
        gateway.VerifyNoOtherCalls();
    }
}
