using System.Text.RegularExpressions;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;

namespace Kok.Domain.Tests.Dues;

public partial class DuesMailComposerTests
{
    private readonly Kok.Domain.Dues.DuesMailComposer composer = Composer();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}\s?(?:[A-Z0-9]{4}\s?){3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();

    [Fact]
    public void German_sepa_pre_notification_names_amount_date_period_mandate_creditor_and_links()
    {
        var mail = composer.PreNotification(PreNotified(), CancelLink);

        Assert.Equal("Ihr Jahresbeitrag als Fördermitglied: Lastschrift am 01.03.2027 – KOK e.V.", mail.Subject);
        Assert.Equal("erika@example.de", mail.To.Email);
        Assert.Contains("Guten Tag Erika Mustermann,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Wir ziehen 60,00 € am 01.03.2027 per SEPA-Lastschrift von Ihrem Konto mit IBAN-Endung 3000 ein.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Mitgliedsjahr: 01.03.2027 – 29.02.2028", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Mandatsreferenz: {Membership.MemberFixtures.MandateReference}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mandate_1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Gläubiger-Identifikationsnummer: DE98ZZZ09999999999", mail.Text, StringComparison.Ordinal);
        Assert.Contains("info@kok.example", mail.Text, StringComparison.Ordinal);
        Assert.Contains(CancelLink.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains("Mandatsreferenz", mail.Html, StringComparison.Ordinal);
        NoPaymentDetailsBeyondLast4(mail);
    }

    [Fact]
    public void English_card_pre_notification_names_the_card_ending_and_no_mandate_or_creditor()
    {
        var mail = composer.PreNotification(PreNotified(PaymentMethodKind.Card, "en"), CancelLink);

        Assert.Equal("Your annual dues as a supporting member: card payment on 1 March 2027 – KOK e.V.", mail.Subject);
        Assert.Contains("Dear Erika Mustermann,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("€60.00 will be charged to your card ending in 4242 on 1 March 2027.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Membership year: 1 March 2027 – 29 February 2028", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mandate", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mandate_1", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(CreditorId, mail.Text, StringComparison.Ordinal);
        Assert.Contains("info@kok.example", mail.Text, StringComparison.Ordinal);
        Assert.Contains(CancelLink.ToString(), mail.Text, StringComparison.Ordinal);
        NoPaymentDetailsBeyondLast4(mail);
    }

    [Fact]
    public void English_sepa_pre_notification_names_mandate_and_creditor()
    {
        var mail = composer.PreNotification(PreNotified(PaymentMethodKind.SepaDebit, "en"), CancelLink);

        Assert.Contains("We will collect €60.00 by SEPA direct debit on 1 March 2027 from your account with IBAN ending in 3000.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Mandate reference: {Membership.MemberFixtures.MandateReference}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mandate_1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Creditor identifier: DE98ZZZ09999999999", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sepa_pre_notification_without_a_recorded_reference_names_the_mandate_id()
    {
        var member = PreNotified();
        member.RecordPaymentMethod(Membership.MemberFixtures.Sepa with { MandateReference = null });

        var mail = composer.PreNotification(member, CancelLink);

        Assert.Contains("Mandatsreferenz: mandate_1", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Membership.MemberFixtures.MandateReference, mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Late_pre_notification_announces_the_later_collection_date()
    {
        var member = Membership.MemberFixtures.ActiveMember(PaymentMethodKind.SepaDebit);
        member.RecordPreNotification(new DateOnly(2027, 3, 5));

        var mail = composer.PreNotification(member, CancelLink);

        Assert.Contains("Einzug am: 19.03.2027", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_notification_needs_a_pre_notified_member() =>
        Assert.Throws<ArgumentException>(() => composer.PreNotification(Membership.MemberFixtures.ActiveMember(), CancelLink));

    [Theory]
    [InlineData("de", "Leider konnten wir Ihren Jahresbeitrag über 60,00 € für das Mitgliedsjahr 01.03.2027 – 29.02.2028 nicht einziehen",
        "Ist der Beitrag bis zum 29.05.2027 nicht bezahlt, erlischt Ihre Fördermitgliedschaft am 30.05.2027.", "Ihr Jahresbeitrag konnte nicht eingezogen werden – KOK e.V.")]
    [InlineData("en", "Unfortunately we could not collect your annual dues of €60.00 for the membership year 1 March 2027 – 29 February 2028",
        "If the dues are not paid by 29 May 2027, your supporting membership lapses on 30 May 2027.", "Your annual dues could not be collected – KOK e.V.")]
    public void Charge_failed_mail_names_amount_pay_link_and_lapse_date(string locale, string failed, string lapse, string subject)
    {
        var member = Overdue(PaymentMethodKind.SepaDebit, locale);

        var mail = composer.ChargeFailed(member, Period, PayLink, CancelLink);

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(failed, mail.Text, StringComparison.Ordinal);
        Assert.Contains(lapse, mail.Text, StringComparison.Ordinal);
        Assert.Contains(PayLink.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains(PayLink.ToString().Replace("&", "&amp;", StringComparison.Ordinal), mail.Html, StringComparison.Ordinal);
        Assert.Contains(CancelLink.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains("info@kok.example", mail.Text, StringComparison.Ordinal);
        Assert.Contains(locale == "de" ? "IBAN-Endung 3000" : "IBAN ending in 3000", mail.Text, StringComparison.Ordinal);
        NoPaymentDetailsBeyondLast4(mail);
    }

    [Fact]
    public void Charge_failed_mail_explains_a_card_that_needed_confirmation()
    {
        var declined = composer.ChargeFailed(Overdue(PaymentMethodKind.Card), Period, PayLink, CancelLink);
        var authentication = composer.ChargeFailed(Overdue(PaymentMethodKind.Card, failureCode: "authentication_required"), Period, PayLink, CancelLink);
        var english = composer.ChargeFailed(Overdue(PaymentMethodKind.Card, "en", "authentication_required"), Period, PayLink, CancelLink);

        Assert.Contains("Kreditkarte mit Endung 4242", declined.Text, StringComparison.Ordinal);
        Assert.Contains("wenn das Konto nicht gedeckt war", declined.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bestätigen", declined.Text, StringComparison.Ordinal);
        Assert.Contains("Ihre Bank wollte diese Kartenzahlung von Ihnen bestätigen lassen", authentication.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("nicht gedeckt", authentication.Text, StringComparison.Ordinal);
        Assert.Contains("Your bank asked you to confirm this card payment", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void First_reminder_is_gentle_and_second_explicit_both_with_pay_link_and_lapse_date()
    {
        var first = composer.Reminder(Reminded(1), Period, 1, PayLink, CancelLink);
        var second = composer.Reminder(Reminded(2), Period, 2, PayLink, CancelLink);
        var secondEnglish = composer.Reminder(Reminded(2, PaymentMethodKind.Card, "en"), Period, 2, PayLink, CancelLink);

        Assert.Equal("Erinnerung: Ihr Jahresbeitrag ist noch offen – KOK e.V.", first.Subject);
        Assert.Contains("vielleicht ist es im Alltag untergegangen", first.Text, StringComparison.Ordinal);
        Assert.Contains("60,00 €", first.Text, StringComparison.Ordinal);
        Assert.Contains("erlischt Ihre Fördermitgliedschaft am 30.05.2027", first.Text, StringComparison.Ordinal);

        Assert.Equal("Zweite Erinnerung: Ihr Jahresbeitrag ist noch offen – KOK e.V.", second.Subject);
        Assert.Contains("Bitte zahlen Sie ihn bis zum 29.05.2027. Andernfalls erlischt Ihre Fördermitgliedschaft am 30.05.2027.", second.Text, StringComparison.Ordinal);

        Assert.Equal("Second reminder: your annual dues are still open – KOK e.V.", secondEnglish.Subject);
        Assert.Contains("Please pay them by 29 May 2027. Otherwise your supporting membership lapses on 30 May 2027.", secondEnglish.Text, StringComparison.Ordinal);
        Assert.Contains("€60.00", secondEnglish.Text, StringComparison.Ordinal);

        foreach (var mail in new[] { first, second, secondEnglish })
        {
            Assert.Contains(PayLink.ToString(), mail.Text, StringComparison.Ordinal);
            Assert.Contains(CancelLink.ToString(), mail.Text, StringComparison.Ordinal);
            NoPaymentDetailsBeyondLast4(mail);
        }
    }

    [Theory]
    [InlineData("de", "ist Ihre Fördermitgliedschaft beim KOK e.V. am 30.05.2027 erloschen", "Ihre Mitgliedschaft ist nicht gelöscht", "Jahresbeitrag über 60,00 €", "Ihre Fördermitgliedschaft ist erloschen – KOK e.V.")]
    [InlineData("en", "your supporting membership of KOK e.V. lapsed on 30 May 2027", "Your membership has not been deleted", "annual dues of €60.00", "Your supporting membership has lapsed – KOK e.V.")]
    public void Lapse_mail_says_the_membership_is_kept_and_revived_by_paying(string locale, string lapsed, string kept, string amount, string subject)
    {
        var mail = composer.Lapsed(Lapsed(PaymentMethodKind.SepaDebit, locale), PayLink, CancelLink);

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(lapsed, mail.Text, StringComparison.Ordinal);
        Assert.Contains(kept, mail.Text, StringComparison.Ordinal);
        Assert.Contains(amount, mail.Text, StringComparison.Ordinal);
        Assert.Contains(PayLink.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains(CancelLink.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains("info@kok.example", mail.Text, StringComparison.Ordinal);
        NoPaymentDetailsBeyondLast4(mail);
    }

    [Fact]
    public void Names_are_html_encoded_in_dues_mails()
    {
        var member = Kok.Domain.Membership.Member.Create(Membership.MemberFixtures.MemberId,
            Membership.MemberFixtures.Request(name: "<script>x</script> & Co"), Membership.MemberFixtures.T0);
        member.Apply(Membership.MemberFixtures.Completed("evt", paid: true, minute: 0));
        member.RecordPreNotification(PreNotifiedOn);

        var mail = composer.PreNotification(member, CancelLink);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
    }

    private static void NoPaymentDetailsBeyondLast4(MailMessage mail)
    {
        // The creditor id looks like an IBAN (country, check digits, ZZZ); it is the association's, not the member's.
        foreach (var body in new[] { mail.Text, mail.Html, mail.Subject }.Select(b => b.Replace(CreditorId, string.Empty, StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(Iban(), body);
            Assert.DoesNotContain("pm_", body, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d{5,}", body);
        }
    }
}
