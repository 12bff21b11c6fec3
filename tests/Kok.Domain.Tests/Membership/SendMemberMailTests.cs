using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

/// <summary>How a member mail request ends when its mail is not due now: later, never, or never possible.</summary>
public class SendMemberMailTests
{
    private readonly Mock<IMemberRepository> members = new();
    private readonly FakeTimeProvider time = new(T0.AddDays(5));
    private readonly InMemoryMailLog log = new();
    private readonly Mock<IMailSender> sender = new(MockBehavior.Strict);

    private SendMemberMail UseCase
    {
        get
        {
            var links = Links();
            return new SendMemberMail(
                new ComposeMemberMail(members.Object, new MemberMailComposer(Organisation), links, time),
                new Kok.Domain.Dues.ComposeDuesMail(members.Object, Composer(), links, time),
                new MailDispatcher(log, sender.Object, time));
        }
    }

    public static TheoryData<MemberMailRequest> Requests() => new()
    {
        new MemberMailRequest(MemberMailKind.Welcome, MemberId),
        new MemberMailRequest(MemberMailKind.CancellationConfirmed, MemberId),
        new MemberMailRequest(MemberMailKind.FirstPaymentFailed, MemberId),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesPreNotification, MemberId, new DateOnly(2027, 3, 1)),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesReminder, MemberId, new DateOnly(2027, 3, 1), 1),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesLapsed, MemberId, new DateOnly(2027, 3, 1)),
    };

    private void Stored(Member? member) =>
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(member is null ? null : new VersionedMember(member, "1"));

    [Fact]
    public async Task A_first_payment_failure_mail_for_a_member_who_paid_meanwhile_is_acknowledged_without_a_mail()
    {
        Stored(ActiveMember());

        var dispatch = await UseCase.ExecuteAsync(new MemberMailRequest(MemberMailKind.FirstPaymentFailed, MemberId), default);

        Assert.Equal(MailDispatchOutcome.Skipped, dispatch.Outcome);
        var entry = log[new MailLogKey(MailKind.MemberFirstPaymentFailed, MemberId)]!;
        Assert.Equal(MailLogState.Failed, entry.State);
        Assert.Equal("the membership no longer waits for its first payment", entry.FailureReason);
        sender.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_first_payment_failure_not_saved_yet_is_not_yet_due()
    {
        var member = NewMember();
        member.Apply(Completed("evt_1", paid: false));
        Stored(member);

        await Assert.ThrowsAsync<MemberMailNotDueException>(
            () => UseCase.ExecuteAsync(new MemberMailRequest(MemberMailKind.FirstPaymentFailed, MemberId), default));
        sender.VerifyNoOtherCalls();
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_for_a_member_that_does_not_exist_can_never_succeed_and_says_which(MemberMailRequest request)
    {
        Stored(null);

        var error = await Assert.ThrowsAsync<UnprocessableMessageException>(() => UseCase.ExecuteAsync(request, default));

        Assert.Equal($"unknown member {MemberId}", error.Message);
        sender.VerifyNoOtherCalls();
    }
}
