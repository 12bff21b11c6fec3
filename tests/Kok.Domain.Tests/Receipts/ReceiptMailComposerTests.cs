using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

public class ReceiptMailComposerTests
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46];
    private static readonly MailRecipient Max = new("max@example.org", "Max Mustermann");

    private readonly ReceiptMailComposer composer = new(ReceiptTestData.ConfiguredOrganisation);

    public static TheoryData<MailLanguage> Languages => [MailLanguage.German, MailLanguage.English];

    [Fact]
    public void One_time_donation_with_receipt_in_german()
    {
        var receipt = new RenderedReceipt(ReceiptTestData.Receipt(2550), Pdf);

        var mail = composer.OneTimeDonationThankYou(Max, MailLanguage.German, receipt);

        Assert.Same(Max, mail.To);
        Assert.Equal("Vielen Dank für Ihre Spende – Zuwendungsbestätigung Nr. 2026-000123", mail.Subject);
        Assert.StartsWith("Guten Tag Max Mustermann,\n\nvielen Dank für Ihre Spende über 25,50 €, die am 02.03.2026 bei uns eingegangen ist.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Im Anhang finden Sie Ihre Zuwendungsbestätigung Nr. 2026-000123 als PDF", mail.Text, StringComparison.Ordinal);
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("Zuwendungsbestaetigung-2026-000123.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Same(Pdf, attachment.Content);
        Assert.Contains("<html lang=\"de\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void One_time_donation_with_receipt_in_english()
    {
        var receipt = new RenderedReceipt(ReceiptTestData.Receipt(123456), Pdf);

        var mail = composer.OneTimeDonationThankYou(Max, MailLanguage.English, receipt);

        Assert.Equal("Thank you for your donation – donation receipt no. 2026-000123", mail.Subject);
        Assert.StartsWith("Dear Max Mustermann,\n\nThank you very much for your donation of €1,234.56, which we received on 2 March 2026.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", mail.Html, StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Up_to_300_euro_the_mail_is_a_beleg_for_the_simplified_proof(MailLanguage language)
    {
        var mail = composer.OneTimeDonationThankYou(Max, language, 30000, new DateOnly(2026, 3, 2));

        AssertSimplifiedProof(mail.Text, "Spende (Geldzuwendung)", "300,00 €", "02.03.2026");
        Assert.Contains("Beleg zum vereinfachten Zuwendungsnachweis (§ 50 Abs. 4 EStDV)", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Bitte bewahren Sie diesen Beleg auf.", mail.Html, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public void Above_300_euro_there_is_no_beleg_but_an_offer_of_a_receipt()
    {
        var mail = composer.OneTimeDonationThankYou(Max, MailLanguage.German, 30001, new DateOnly(2026, 3, 2));

        Assert.DoesNotContain("vereinfachten Zuwendungsnachweis", mail.Text, StringComparison.Ordinal);
        Assert.Contains("stellen wir Ihnen gern eine Zuwendungsbestätigung aus", mail.Text, StringComparison.Ordinal);
        Assert.Contains("spenden@example.org", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_mail_up_to_300_euro_also_carries_the_beleg()
    {
        var mail = composer.OneTimeDonationThankYou(Max, MailLanguage.German, new RenderedReceipt(ReceiptTestData.Receipt(2550), Pdf));

        AssertSimplifiedProof(mail.Text, "Spende (Geldzuwendung)", "25,50 €", "02.03.2026");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_donation_promises_a_yearly_sammelbestaetigung(MailLanguage language)
    {
        var mail = composer.MonthlyDonationThankYou(Max, language, 1000, new DateOnly(2026, 3, 2));

        Assert.Empty(mail.Attachments);
        Assert.Contains("Sammelbestätigung", mail.Text, StringComparison.Ordinal);
        AssertSimplifiedProof(mail.Text, "Spende (Geldzuwendung)", "10,00 € monatlich", "02.03.2026");
        Assert.Contains("Tag der ersten Zuwendung: 02.03.2026", mail.Text, StringComparison.Ordinal);
        Assert.Equal(
            language == MailLanguage.English ? "Thank you for your monthly donation – KOK e.V." : "Vielen Dank für Ihre monatliche Spende – KOK e.V.",
            mail.Subject);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Membership_fee_mail_attaches_the_receipt_and_says_mitgliedsbeitrag(MailLanguage language)
    {
        var receipt = new RenderedReceipt(ReceiptTestData.Receipt(5000, ReceiptKind.MembershipFee), Pdf);

        var mail = composer.MembershipFeeReceived(Max, language, receipt);

        Assert.Single(mail.Attachments);
        AssertSimplifiedProof(mail.Text, "Mitgliedsbeitrag", "50,00 €", "02.03.2026");
        Assert.Contains("Fördermitglied", mail.Text, StringComparison.Ordinal);
        Assert.Contains("2026-000123", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Membership_fee_mail_needs_a_membership_fee_receipt()
    {
        var receipt = new RenderedReceipt(ReceiptTestData.Receipt(5000, ReceiptKind.Donation), Pdf);

        Assert.Throws<ArgumentException>(() => composer.MembershipFeeReceived(Max, MailLanguage.German, receipt));
        Assert.Throws<ArgumentException>(() => composer.OneTimeDonationThankYou(
            Max, MailLanguage.German, new RenderedReceipt(ReceiptTestData.Receipt(5000, ReceiptKind.MembershipFee), Pdf)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Withdrawn_receipt_notice_names_the_receipt_and_asks_not_to_use_it(MailLanguage language)
    {
        var withdrawn = ReceiptTestData.Receipt(2550).Withdraw(new DateOnly(2026, 4, 1));

        var mail = composer.ReceiptWithdrawn(Max, language, withdrawn);

        Assert.Empty(mail.Attachments);
        Assert.Contains("2026-000123", mail.Subject, StringComparison.Ordinal);
        if (language == MailLanguage.German)
        {
            Assert.Equal("Zuwendungsbestätigung Nr. 2026-000123 storniert", mail.Subject);
            Assert.Contains("Ihre Spende über 25,50 € vom 02.03.2026 wurde Ihnen erstattet.", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Zuwendungsbestätigung Nr. 2026-000123 vom 03.03.2026 storniert; sie ist ungültig.", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Bitte verwenden Sie sie nicht für Ihre Steuererklärung", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Dasselbe gilt für den Beleg", mail.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Your donation of €25.50 made on 2 March 2026 has been refunded to you.", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Please do not use it for your tax return", mail.Text, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => composer.ReceiptWithdrawn(Max, language, ReceiptTestData.Receipt()));
    }

    [Fact]
    public void A_withdrawn_receipt_cannot_be_sent_as_a_thank_you()
    {
        var withdrawn = ReceiptTestData.Receipt().Withdraw(new DateOnly(2026, 4, 1));

        Assert.Throws<ArgumentException>(() => composer.OneTimeDonationThankYou(Max, MailLanguage.German, new RenderedReceipt(withdrawn, Pdf)));
    }

    [Fact]
    public void Hostile_names_are_html_encoded_and_kept_literally_in_plain_text()
    {
        var hostile = new MailRecipient("x@example.org", "<script>alert('x')</script> Müller & Söhne \"GmbH\"");
        var organisation = ReceiptTestData.ConfiguredOrganisation with { ShortName = "KOK <b>e.V.</b>", Purposes = "der <i>Hilfe</i> & Beratung" };
        var hostileComposer = new ReceiptMailComposer(organisation);

        var mails = new[]
        {
            hostileComposer.OneTimeDonationThankYou(hostile, MailLanguage.German, 2550, new DateOnly(2026, 3, 2)),
            hostileComposer.OneTimeDonationThankYou(hostile, MailLanguage.English, new RenderedReceipt(ReceiptTestData.Receipt(), Pdf)),
            hostileComposer.MonthlyDonationThankYou(hostile, MailLanguage.German, 1000, new DateOnly(2026, 3, 2)),
            hostileComposer.MembershipFeeReceived(hostile, MailLanguage.English, new RenderedReceipt(ReceiptTestData.Receipt(kind: ReceiptKind.MembershipFee), Pdf)),
            hostileComposer.ReceiptWithdrawn(hostile, MailLanguage.German, ReceiptTestData.Receipt().Withdraw(new DateOnly(2026, 4, 1))),
        };

        foreach (var mail in mails)
        {
            Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<i>", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Müller & Söhne", mail.Html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
            Assert.Contains("Müller &amp; Söhne", mail.Html, StringComparison.Ordinal);
            Assert.Contains("<script>alert('x')</script> Müller & Söhne \"GmbH\"", mail.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Subjects_never_contain_line_breaks()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with { ShortName = "KOK\r\nBcc: victim@example.org" };
        var composerWithBadName = new ReceiptMailComposer(organisation);

        var subjects = new[]
        {
            composerWithBadName.OneTimeDonationThankYou(Max, MailLanguage.German, 100, new DateOnly(2026, 1, 1)).Subject,
            composerWithBadName.MonthlyDonationThankYou(Max, MailLanguage.English, 100, new DateOnly(2026, 1, 1)).Subject,
            composer.OneTimeDonationThankYou(Max, MailLanguage.German, new RenderedReceipt(ReceiptTestData.Receipt(), Pdf)).Subject,
            composer.MembershipFeeReceived(Max, MailLanguage.German, new RenderedReceipt(ReceiptTestData.Receipt(kind: ReceiptKind.MembershipFee), Pdf)).Subject,
            composer.ReceiptWithdrawn(Max, MailLanguage.English, ReceiptTestData.Receipt().Withdraw(new DateOnly(2026, 4, 1))).Subject,
        };

        foreach (var subject in subjects)
        {
            Assert.DoesNotContain('\r', subject);
            Assert.DoesNotContain('\n', subject);
        }

        Assert.Equal("Vielen Dank für Ihre Spende – KOK Bcc: victim@example.org", subjects[0]);
    }

    private static void AssertSimplifiedProof(string text, string kind, string amount, string date)
    {
        Assert.Contains("Beleg zum vereinfachten Zuwendungsnachweis (§ 50 Abs. 4 EStDV)", text, StringComparison.Ordinal);
        Assert.Contains("Zuwendungsempfänger: KOK - bundesweiter Koordinierungskreis gegen Menschenhandel e.V., Kurfürstenstraße 33, 10785 Berlin", text, StringComparison.Ordinal);
        Assert.Contains("Art der Zuwendung: " + kind, text, StringComparison.Ordinal);
        Assert.Contains("Betrag: " + amount, text, StringComparison.Ordinal);
        Assert.Contains(date, text, StringComparison.Ordinal);
        Assert.Contains(OfficialReceiptWording.ExemptionStatement(ReceiptTestData.ConfiguredOrganisation), text, StringComparison.Ordinal);
        Assert.Contains("Finanzamtes Berlin für Körperschaften I StNr. 27/123/45678, vom 17.05.2024", text, StringComparison.Ordinal);
        Assert.Contains("Es wird bestätigt, dass die Zuwendung nur zur Förderung der Hilfe für Opfer von Straftaten verwendet wird.", text, StringComparison.Ordinal);
        Assert.Contains("Bitte bewahren Sie diesen Beleg auf.", text, StringComparison.Ordinal);
    }
}
