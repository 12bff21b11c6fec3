using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>
/// The mails about a failing monthly donation link to the public page on how to give a new payment method, in the
/// mail's language, and still name the office's address, so the mail alone is enough.
/// </summary>
public class PaymentProblemMailLinkTests
{
    private static readonly MailRecipient Donor = new("max@example.org", "Max Muster");
    private static readonly PaymentProblemMailComposer Composer =
        new(ReceiptTestData.ConfiguredOrganisation, new PublicPageLinks(new Uri("https://spenden.example.org/app/")));

    public static TheoryData<string, MailLanguage, string> Mails() => new()
    {
        { "failed", MailLanguage.German, "https://spenden.example.org/app/payment-method?lang=de" },
        { "failed", MailLanguage.English, "https://spenden.example.org/app/payment-method?lang=en" },
        { "ended", MailLanguage.German, "https://spenden.example.org/app/payment-method?lang=de" },
        { "ended", MailLanguage.English, "https://spenden.example.org/app/payment-method?lang=en" },
    };

    [Theory]
    [MemberData(nameof(Mails))]
    public void Each_problem_mail_links_the_payment_method_page_in_its_language_and_names_the_office_address(string mail, MailLanguage language, string link)
    {
        var message = mail == "failed"
            ? Composer.MonthlyPaymentFailed(Donor, language, 1000, "expired_card")
            : Composer.MonthlyDonationEnded(Donor, language);

        Assert.Contains(link, message.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\"", message.Html, StringComparison.Ordinal);
        Assert.Contains(language == MailLanguage.English ? "How to give us a new payment method: " + link : "So teilen Sie uns eine neue Zahlungsart mit: " + link,
            message.Text, StringComparison.Ordinal);
        Assert.Contains(ReceiptTestData.ConfiguredOrganisation.ContactEmail, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://spenden.example.org", "https://spenden.example.org/payment-method?lang=de")]
    [InlineData("https://spenden.example.org/", "https://spenden.example.org/payment-method?lang=de")]
    [InlineData("http://127.0.0.1:7071/kok/", "http://127.0.0.1:7071/kok/payment-method?lang=de")]
    public void The_link_follows_the_public_base_url_with_or_without_a_trailing_slash(string baseUrl, string expected)
    {
        Assert.Equal(expected, new PublicPageLinks(new Uri(baseUrl)).PaymentMethod(MailLanguage.German).AbsoluteUri);
    }

    [Fact]
    public void A_relative_base_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PublicPageLinks(new Uri("/kok", UriKind.Relative)));
    }
}
