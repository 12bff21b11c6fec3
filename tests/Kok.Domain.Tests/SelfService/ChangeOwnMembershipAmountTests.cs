using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Mail;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.SelfService;

public sealed class ChangeOwnMembershipAmountTests
{
    private readonly FakeTimeProvider clock = new(T0.AddDays(40));
    private readonly InMemoryMemberRepository members = new();
    private readonly Mock<ISupporterDirectory> directory = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly Mock<IMailSender> sender = new();
    private readonly Mock<IIdGenerator> ids = new();
    private readonly List<AuditEntry> entries = [];
    private readonly List<MailMessage> mails = [];

    public ChangeOwnMembershipAmountTests()
    {
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => entries.Add(e)).Returns(Task.CompletedTask);
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => mails.Add(m)).ReturnsAsync(new MailSent("msg_1"));
        ids.Setup(i => i.NewId(It.IsAny<string>())).Returns("aud_aaaaaaaaaaaaaaaaaaaa");
    }

    [Fact]
    public async Task A_new_amount_of_at_least_the_minimum_is_saved_audited_as_by_the_member_and_confirmed()
    {
        var member = await StoreAsync(ActiveMember());

        var result = await UseCase().ExecuteAsync(Key(member), member.Id, 80m, null, default);

        Assert.Equal(SupporterChangeOutcome.Requested, result.Outcome);
        Assert.Equal(8000, members.Stored(member.Id).AnnualAmountCents);
        var entry = Assert.Single(entries);
        Assert.Equal((member.Id, ChangeOwnMembershipAmount.AmountChangedAction, ChangeOwnMonthlyDonation.SupporterActorId), (entry.Subject, entry.Action, entry.StaffId));
        Assert.Contains("80,00 €", Assert.Single(mails).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(49.99)]
    [InlineData(10000.01)]
    [InlineData(null)]
    public async Task An_amount_below_the_minimum_or_above_the_maximum_names_annualAmount_and_changes_nothing(double? amount)
    {
        var member = await StoreAsync(ActiveMember());
        var saves = members.Saves;

        var result = await UseCase().ExecuteAsync(Key(member), member.Id, (decimal?)amount, null, default);

        Assert.Equal(SupporterChangeOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors!.Contains("annualAmount"));
        Assert.Equal(saves, members.Saves);
        Assert.Empty(entries);
        Assert.Empty(mails);
    }

    [Fact]
    public async Task Another_supporters_membership_is_not_found_and_a_cancelled_one_cannot_change()
    {
        var member = await StoreAsync(ActiveMember());
        directory.Setup(d => d.FindAsync("someone-else", It.IsAny<CancellationToken>())).ReturnsAsync(SupporterRecords.None);

        var foreign = await UseCase().ExecuteAsync("someone-else", member.Id, 80m, null, default);
        member.Cancel(clock.GetUtcNow(), Member.CancelledByMember);
        await members.TrySaveAsync(member, (await members.GetAsync(member.Id, default))!.Version, [], default);
        var cancelled = await UseCase().ExecuteAsync(Key(member), member.Id, 80m, null, default);

        Assert.Equal(SupporterChangeOutcome.NotFound, foreign.Outcome);
        Assert.Equal(SupporterChangeOutcome.NotChangeable, cancelled.Outcome);
        Assert.Equal(6000, members.Stored(member.Id).AnnualAmountCents);
        Assert.Empty(entries);
    }

    private async Task<Member> StoreAsync(Member member)
    {
        await members.TryAddAsync(member, default);
        directory.Setup(d => d.FindAsync(Key(member), It.IsAny<CancellationToken>())).ReturnsAsync(new SupporterRecords([], [member]));
        return member;
    }

    private static string Key(Member member) => SupporterKey.Of(member.Email);

    private ChangeOwnMembershipAmount UseCase() => new(
        directory.Object,
        members,
        MembershipRules.Default,
        audit.Object,
        ids.Object,
        new MailDispatcher(new InMemoryMailLog(), sender.Object, clock),
        new SelfServiceLinks(new Uri("https://spenden.example.org")),
        clock);
}
