using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dues;

public class SendDuesMailTests
{
    private readonly Mock<IMemberRepository> members = new();
    private readonly FakeTimeProvider time = new(ChargedAt);
    private readonly InMemoryMailLog log = new();
    private readonly Mock<IMailSender> sender = new(MockBehavior.Strict);
    private readonly List<MailMessage> sent = [];

    public SendDuesMailTests()
    {
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(() => new MailSent("msg-" + sent.Count));
    }

    private SendMemberMail UseCase
    {
        get
        {
            var links = Links();
            return new SendMemberMail(
                new ComposeMemberMail(members.Object, new MemberMailComposer(Organisation), links, time),
                new ComposeDuesMail(members.Object, Composer(), links, time),
                new MailDispatcher(log, sender.Object, time));
        }
    }

    private void Stored(Member member) =>
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new VersionedMember(member, "1"));

    private static MemberMailRequest Reminder(int number) => MemberMailRequest.ForPeriod(MemberMailKind.DuesReminder, MemberId, DueDate, number);

    [Fact]
    public async Task Two_reminders_for_one_period_are_two_mails_but_the_same_reminder_twice_is_one()
    {
        Stored(Reminded(1));
        Assert.Equal(MailDispatchOutcome.Sent, (await UseCase.ExecuteAsync(Reminder(1), default)).Outcome);
        Assert.Equal(MailDispatchOutcome.AlreadySent, (await UseCase.ExecuteAsync(Reminder(1), default)).Outcome);

        Stored(Reminded(2));
        Assert.Equal(MailDispatchOutcome.AlreadySent, (await UseCase.ExecuteAsync(Reminder(1), default)).Outcome);
        Assert.Equal(MailDispatchOutcome.Sent, (await UseCase.ExecuteAsync(Reminder(2), default)).Outcome);
        Assert.Equal(MailDispatchOutcome.AlreadySent, (await UseCase.ExecuteAsync(Reminder(2), default)).Outcome);

        Assert.Equal(2, sent.Count);
        Assert.Equal(MailLogState.Sent, log[new MailLogKey(MailKind.DuesReminder, $"{MemberId}:2027-03-01:r1")]!.State);
        Assert.Equal(MailLogState.Sent, log[new MailLogKey(MailKind.DuesReminder, $"{MemberId}:2027-03-01:r2")]!.State);
    }

    [Fact]
    public async Task The_same_kind_for_another_period_is_another_mail()
    {
        Stored(PreNotified());
        await UseCase.ExecuteAsync(MemberMailRequest.ForPeriod(MemberMailKind.DuesPreNotification, MemberId, DueDate), default);

        Assert.Single(sent);
        Assert.NotNull(log[new MailLogKey(MailKind.DuesPreNotification, $"{MemberId}:2027-03-01")]);
        Assert.Null(log[new MailLogKey(MailKind.DuesPreNotification, MemberId)]);
    }

    [Fact]
    public async Task Obsolete_dues_mail_is_logged_as_skipped_and_not_sent()
    {
        Stored(PaidByLink(Reminded(1), DueDate, ChargedAt.AddDays(10)));

        var dispatch = await UseCase.ExecuteAsync(Reminder(1), default);

        Assert.Equal(MailDispatchOutcome.Skipped, dispatch.Outcome);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Dues_mail_not_yet_due_is_retried_not_logged_as_final()
    {
        Stored(Overdue());

        await Assert.ThrowsAsync<MemberMailNotDueException>(() => UseCase.ExecuteAsync(Reminder(1), default));

        Assert.Empty(sent);
        Assert.False(log[new MailLogKey(MailKind.DuesReminder, $"{MemberId}:2027-03-01:r1")]!.IsFinal);
    }

    [Fact]
    public async Task Welcome_mail_still_goes_out_once_per_member()
    {
        Stored(ActiveMember());

        await UseCase.ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, MemberId), default);
        await UseCase.ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, MemberId), default);

        Assert.Single(sent);
        Assert.NotNull(log[new MailLogKey(MailKind.MemberWelcome, MemberId)]);
    }
}
