using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dues;

public class ComposeDuesMailTests
{
    private readonly Mock<IMemberRepository> members = new();
    private readonly FakeTimeProvider time = new(ChargedAt);

    private ComposeDuesMail UseCase => new(members.Object, Composer(), Links(), time);

    private void Stored(Member? member) =>
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(member is null ? null : new VersionedMember(member, "1"));

    private Task<PreparedMail?> Compose(MemberMailKind kind, DateOnly? period = null, int? reminder = null) =>
        UseCase.ExecuteAsync(MemberMailRequest.ForPeriod(kind, MemberId, period ?? DueDate, reminder), default);

    private static void AssertSent(PreparedMail? prepared, string inSubject)
    {
        Assert.NotNull(prepared);
        Assert.NotNull(prepared.Message);
        Assert.Contains(inSubject, prepared.Message.Subject, StringComparison.Ordinal);
    }

    private static void AssertSkipped(PreparedMail? prepared, string reason)
    {
        Assert.NotNull(prepared);
        Assert.Null(prepared.Message);
        Assert.Contains(reason, prepared.SkipReason, StringComparison.Ordinal);
    }

    private static Member Cancelled(Member member)
    {
        member.Cancel(ChargedAt, Member.CancelledByMember);
        return member;
    }

    [Fact]
    public async Task Pre_notification_not_yet_due_due_and_obsolete()
    {
        Stored(ActiveMember(PaymentMethodKind.SepaDebit));
        Assert.Null(await Compose(MemberMailKind.DuesPreNotification));

        Stored(PreNotified());
        var due = await Compose(MemberMailKind.DuesPreNotification);
        AssertSent(due, "Lastschrift am 01.03.2027");
        Assert.Contains($"/api/memberships/{MemberId}/cancel?token=", due!.Message!.Text, StringComparison.Ordinal);

        Stored(Cancelled(PreNotified()));
        AssertSkipped(await Compose(MemberMailKind.DuesPreNotification), "cancelled");

        Stored(PreNotified());
        AssertSkipped(await Compose(MemberMailKind.DuesPreNotification, FirstPeriod), "later period");

        var paid = PreNotified(PaymentMethodKind.Card);
        paid.RequestDuesCharge(DueDate);
        paid.RecordDuesCharge(DueDate, new DuesChargeResult(DuesChargeStatus.Succeeded, "pi_ok"), ChargedAt);
        Stored(paid);
        AssertSkipped(await Compose(MemberMailKind.DuesPreNotification), "paid");
    }

    [Fact]
    public async Task Unknown_member_has_no_dues_mail_to_compose()
    {
        Stored(null);
        Assert.Null(await Compose(MemberMailKind.DuesLapsed));
    }

    [Fact]
    public async Task Charge_failed_not_yet_due_due_and_obsolete()
    {
        var charging = PreNotified();
        charging.RequestDuesCharge(DueDate);
        charging.RecordDuesCharge(DueDate, new DuesChargeResult(DuesChargeStatus.Processing, "pi_d1"), ChargedAt);
        Stored(charging);
        Assert.Null(await Compose(MemberMailKind.DuesChargeFailed));

        Stored(Overdue());
        var due = await Compose(MemberMailKind.DuesChargeFailed);
        AssertSent(due, "konnte nicht eingezogen werden");
        Assert.Contains($"/api/memberships/{MemberId}/dues/pay?token=", due!.Message!.Text, StringComparison.Ordinal);

        Stored(PaidByLink(Overdue(), DueDate, ChargedAt.AddDays(2)));
        AssertSkipped(await Compose(MemberMailKind.DuesChargeFailed), "paid");

        Stored(Cancelled(Overdue()));
        AssertSkipped(await Compose(MemberMailKind.DuesChargeFailed), "cancelled");
    }

    [Fact]
    public async Task Reminder_not_yet_due_due_and_obsolete()
    {
        Stored(Overdue());
        Assert.Null(await Compose(MemberMailKind.DuesReminder, reminder: 1));

        Stored(Reminded(1));
        AssertSent(await Compose(MemberMailKind.DuesReminder, reminder: 1), "Erinnerung");
        Assert.Null(await Compose(MemberMailKind.DuesReminder, reminder: 2));

        Stored(Reminded(2));
        AssertSent(await Compose(MemberMailKind.DuesReminder, reminder: 2), "Zweite Erinnerung");
        AssertSkipped(await Compose(MemberMailKind.DuesReminder, reminder: 1), "later reminder");

        Stored(PaidByLink(Reminded(1), DueDate, ChargedAt.AddDays(10)));
        AssertSkipped(await Compose(MemberMailKind.DuesReminder, reminder: 1), "paid");

        Stored(Cancelled(Reminded(1)));
        AssertSkipped(await Compose(MemberMailKind.DuesReminder, reminder: 1), "cancelled");

        Stored(Lapsed());
        AssertSkipped(await Compose(MemberMailKind.DuesReminder, reminder: 2), "lapsed");
    }

    [Fact]
    public async Task Lapse_mail_not_yet_due_due_and_obsolete()
    {
        Stored(Reminded(2));
        Assert.Null(await Compose(MemberMailKind.DuesLapsed));

        Stored(Lapsed());
        var due = await Compose(MemberMailKind.DuesLapsed);
        AssertSent(due, "erloschen");
        Assert.Contains($"/api/memberships/{MemberId}/dues/pay?token=", due!.Message!.Text, StringComparison.Ordinal);

        // Paid by the link after the lapse: the year containing the payment day is paid, the member active again.
        var revived = PaidByLink(Lapsed(), DueDate, LapsedAt.AddDays(3));
        Assert.Equal(MembershipStatus.Active, revived.Status);
        Stored(revived);
        AssertSkipped(await Compose(MemberMailKind.DuesLapsed), "paid");

        var ended = Lapsed();
        ended.Cancel(LapsedAt.AddDays(1), Member.CancelledByMember);
        Stored(ended);
        AssertSkipped(await Compose(MemberMailKind.DuesLapsed), "ended");
    }

    [Fact]
    public async Task Requests_that_do_not_fit_their_kind_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => UseCase.ExecuteAsync(new MemberMailRequest(MemberMailKind.DuesLapsed, MemberId), default));
        await Assert.ThrowsAsync<ArgumentException>(() => UseCase.ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, MemberId), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Compose(MemberMailKind.DuesReminder));
        members.Verify(m => m.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
