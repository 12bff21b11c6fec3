using Kok.Domain.Dashboard;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

/// <summary>
/// One end date: a cancelled membership runs to the end of its last paid day, and the page, the mail, the views and
/// the staff answer all name that day ("endet mit Ablauf des 28.02.2027"), never the day after.
/// </summary>
public class MembershipEndTests
{
    private static readonly DateOnly LastPaidDay = new(2027, 2, 28);
    private readonly MemberMailComposer composer = new(OrganisationProfile.KokDefaults with { ContactEmail = "info@kok.example" });

    [Fact]
    public void A_cancelled_membership_is_a_membership_until_the_end_of_its_last_paid_day()
    {
        var member = ActiveMember();
        Assert.Equal(LastPaidDay, member.PaidThrough);
        Assert.Equal(LastPaidDay.AddDays(1), member.EndsOnIfCancelled(new DateOnly(2026, 3, 11)));

        member.Cancel(T0.AddDays(10), Member.CancelledByMember);

        Assert.Equal(LastPaidDay.AddDays(1), member.EndsOn);
        Assert.Equal(LastPaidDay, member.MemberUntil);
        Assert.Equal(LastPaidDay, MemberView.Of(member).MemberUntil);
        Assert.Equal(LastPaidDay.AddDays(1), MemberView.Of(member).EndsOn);
    }

    [Theory]
    [InlineData("de", "Ihre Fördermitgliedschaft endet mit Ablauf des 28.02.2027,")]
    [InlineData("en", "Your supporting membership ends at the end of 28 February 2027,")]
    public void The_confirmation_mail_names_the_last_day(string locale, string expected)
    {
        var member = ActiveMember(locale: locale);
        member.Cancel(T0.AddDays(10), Member.CancelledByMember);

        var mail = composer.CancellationConfirmed(member, new Uri("https://api.kok.example/x"));

        Assert.Contains(expected, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("01.03.2027", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cancel_page_announces_the_same_day_before_cancelling_or_says_it_ends_at_once()
    {
        var repository = new InMemoryMemberRepository();
        await repository.TryAddAsync(ActiveMember(), default);
        var time = new FakeTimeProvider(T0.AddDays(10));
        var links = Links();
        var useCase = new CancelMembership(repository, Mock.Of<IMemberMailQueue>(), links, time);
        var token = links.CreateToken(MemberId, MemberLinks.CancelPurpose, time.GetUtcNow().AddDays(1));

        var shown = Assert.IsType<CancelPageShown>(await useCase.ShowAsync(MemberId, token, default));
        Assert.Equal(LastPaidDay, shown.LastDayIfCancelled);

        // Past the paid year and still unpaid (overdue): a cancellation ends the membership at once.
        time.SetUtcNow(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero));
        var stored = (await repository.GetAsync(MemberId, default))!;
        Assert.Null(stored.Member.EndsOnIfCancelled(new DateOnly(2027, 3, 20)));
        var later = links.CreateToken(MemberId, MemberLinks.CancelPurpose, time.GetUtcNow().AddDays(1));
        Assert.Null(Assert.IsType<CancelPageShown>(await useCase.ShowAsync(MemberId, later, default)).LastDayIfCancelled);
    }

    [Fact]
    public void A_sign_up_withdrawn_before_its_first_dues_has_no_last_day_of_membership()
    {
        var member = NewMember();
        member.Cancel(T0.AddHours(1), Member.CancelledByMember);

        Assert.Equal(MembershipStatus.Ended, member.Status);
        Assert.NotNull(member.EndsOn);
        Assert.Null(member.MemberUntil);
    }

    [Fact]
    public async Task Staff_cancelling_get_the_same_last_day()
    {
        var repository = new InMemoryMemberRepository();
        await repository.TryAddAsync(ActiveMember(), default);
        var time = new FakeTimeProvider(T0.AddDays(10));
        var ids = new Mock<Kok.Domain.Common.IIdGenerator>();
        ids.Setup(i => i.NewId(It.IsAny<string>())).Returns("aud_1");
        var staffCancel = new CancelMemberByStaff(
            new CancelMembership(repository, Mock.Of<IMemberMailQueue>(), Links(), time), Mock.Of<IAuditTrail>(), ids.Object, time);

        var result = await staffCancel.ExecuteAsync(MemberId, "staff-1", "Staff", default);

        Assert.Equal(LastPaidDay.AddDays(1), result.EndsOn);
        Assert.Equal(LastPaidDay, result.MemberUntil);
    }
}
