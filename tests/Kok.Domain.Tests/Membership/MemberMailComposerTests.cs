using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Microsoft.Extensions.Time.Testing;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class MemberMailComposerTests
{
    private static readonly Uri Link = new("https://api.kok.example/api/memberships/mem_x/cancel?token=abc");
    private readonly MemberMailComposer composer = new(OrganisationProfile.KokDefaults with { ContactEmail = "info@kok.example" });

    [Fact]
    public void German_welcome_names_kind_amount_dates_masked_method_aims_office_and_link()
    {
        var member = ActiveMember(PaymentMethodKind.SepaDebit);

        var mail = composer.Welcome(member, Link);

        Assert.Equal("Willkommen als Fördermitglied des KOK e.V.", mail.Subject);
        Assert.Equal("erika@example.de", mail.To.Email);
        Assert.Contains("Guten Tag Erika Mustermann,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Fördermitgliedschaft als Einzelperson", mail.Text, StringComparison.Ordinal);
        Assert.Contains("60,00 €", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Nächster Beitrag fällig am: 01.03.2027", mail.Text, StringComparison.Ordinal);
        Assert.Contains("IBAN-Endung 3000", mail.Text, StringComparison.Ordinal);
        Assert.Contains("ein Stimmrecht haben Fördermitglieder nach unserer Satzung nicht", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Menschenhandel", mail.Text, StringComparison.Ordinal);
        Assert.Contains("info@kok.example", mail.Text, StringComparison.Ordinal);
        Assert.Contains(Link.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains(Link.ToString().Replace("&", "&amp;", StringComparison.Ordinal), mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("mandate_1", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_welcome_for_an_organisation_greets_the_contact_person()
    {
        var member = ActiveMember(PaymentMethodKind.Card, "en", MemberKind.Organisation);

        var mail = composer.Welcome(member, Link);

        Assert.Equal("Welcome as a supporting member of KOK e.V.", mail.Subject);
        Assert.Contains("Dear Erika Mustermann,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("as the organisation Erika Mustermann", mail.Text, StringComparison.Ordinal);
        Assert.Contains("supporting membership as an organisation", mail.Text, StringComparison.Ordinal);
        Assert.Contains("€60.00", mail.Text, StringComparison.Ordinal);
        Assert.Contains("1 March 2027", mail.Text, StringComparison.Ordinal);
        Assert.Contains("card ending in 4242", mail.Text, StringComparison.Ordinal);
        Assert.Contains("no vote", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_html_encoded()
    {
        var member = Member.Create(MemberId, Request(name: "<script>alert(1)</script> & Co"), T0);
        member.Apply(Completed("evt", paid: true));

        var mail = composer.Welcome(member, Link);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_mail_names_the_last_day()
    {
        var member = ActiveMember();
        member.Cancel(T0.AddDays(10), Member.CancelledByMember);

        var mail = composer.CancellationConfirmed(member, Link);

        Assert.Contains("endet mit Ablauf des 28.02.2027", mail.Text, StringComparison.Ordinal);
        Assert.Contains(Link.ToString(), mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_payment_mail_explains_how_to_retry()
    {
        var member = NewMember(locale: "en");
        member.Apply(Completed("evt_1", paid: false));
        member.Apply(Failed("evt_2"));

        var mail = composer.FirstPaymentFailed(member, Link);

        Assert.Contains("fill in our online membership form once more", mail.Text, StringComparison.Ordinal);
        Assert.Contains("€60.00", mail.Text, StringComparison.Ordinal);
        Assert.Contains(Link.ToString(), mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_use_case_builds_only_mails_still_due()
    {
        var repository = new InMemoryMemberRepository();
        var time = new FakeTimeProvider(T0);
        var compose = new ComposeMemberMail(repository, composer, Links(), time);
        await repository.TryAddAsync(NewMember(), default);

        Assert.Null(await compose.ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, MemberId), default));
        Assert.Null(await compose.ExecuteAsync(new MemberMailRequest(MemberMailKind.CancellationConfirmed, MemberId), default));
        Assert.Null(await compose.ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, "mem_zzzzzzzzzzzzzzzzzzzz"), default));

        var stored = (await repository.GetAsync(MemberId, default))!;
        stored.Member.Apply(Completed("evt_1", paid: true));
        await repository.TrySaveAsync(stored.Member, stored.Version, [], default);

        var welcome = await compose.ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, MemberId), default);
        Assert.NotNull(welcome);
        Assert.Contains($"/api/memberships/{MemberId}/cancel?token=", welcome.Text, StringComparison.Ordinal);
    }
}
