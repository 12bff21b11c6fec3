using Kok.Domain.Mail;

namespace Kok.Domain.Tests.Mail;

public class MailTests
{
    private static readonly MailRecipient Someone = new("a@example.org", "A");

    [Theory]
    [InlineData("a\r\nb", "a b")]
    [InlineData("  a \t b  ", "a b")]
    [InlineData("a\u2028b\u0085c", "a b c")]
    [InlineData("\n", "")]
    public void SingleLine_collapses_control_characters(string value, string expected)
    {
        Assert.Equal(expected, MailText.SingleLine(value));
    }

    [Fact]
    public void MailMessage_refuses_a_subject_with_a_line_break()
    {
        Assert.Throws<ArgumentException>(() => new MailMessage(Someone, "Hi\r\nBcc: x@example.org", "t", "<p>t</p>"));
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a@example.org\r\nBcc: b@example.org")]
    [InlineData("a b@example.org")]
    public void MailRecipient_refuses_malformed_addresses(string email)
    {
        Assert.Throws<ArgumentException>(() => new MailRecipient(email, "A"));
    }

    [Fact]
    public void MailRecipient_does_not_print_personal_data()
    {
        var text = new MailRecipient("max@example.org", "Max Mustermann").ToString();

        Assert.DoesNotContain("max@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mustermann", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../receipt.pdf")]
    [InlineData("a\"b.pdf")]
    [InlineData("a\r\nb.pdf")]
    public void MailAttachment_needs_a_bare_file_name(string fileName)
    {
        Assert.Throws<ArgumentException>(() => new MailAttachment(fileName, "application/pdf", [1]));
    }

    [Theory]
    [InlineData("en", MailLanguage.English)]
    [InlineData("EN-gb", MailLanguage.English)]
    [InlineData("de", MailLanguage.German)]
    [InlineData("fr", MailLanguage.German)]
    [InlineData(null, MailLanguage.German)]
    public void Language_codes(string? code, MailLanguage expected)
    {
        Assert.Equal(expected, MailLanguageCode.Parse(code));
        Assert.Equal(expected == MailLanguage.English ? "en" : "de", expected.ToCode());
    }

    [Fact]
    public void Body_builder_writes_text_and_encoded_html_from_the_same_blocks()
    {
        var mail = new MailBodyBuilder(MailLanguage.German)
            .Paragraph("Hallo <Welt> & \"du\"")
            .Facts(("Betrag", "1 < 2"))
            .Box("Kasten", b => b.Lines("eins", "zwei"))
            .Build(Someone, "Betreff\nzwei");

        Assert.Equal("Betreff zwei", mail.Subject);
        Assert.Equal(
            "Hallo <Welt> & \"du\"\n\nBetrag: 1 < 2\n\n" + new string('-', 60) + "\nKasten\n" + new string('-', 60) + "\n\neins\nzwei\n\n" + new string('-', 60) + "\n",
            mail.Text);
        Assert.Contains("Hallo &lt;Welt&gt; &amp; &quot;du&quot;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("1 &lt; 2", mail.Html, StringComparison.Ordinal);
        Assert.Contains("eins<br>\nzwei", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<title>Betreff zwei</title>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_results_distinguish_sent_and_rejected()
    {
        Assert.Equal(new MailSent("id-1"), MailSendResult.Sent("id-1"));
        Assert.Equal(new MailRejected("bad address"), MailSendResult.Rejected("bad address"));
    }
}
