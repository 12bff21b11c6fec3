using System.Text;
using Kok.Domain.Receipts;
using Kok.Functions.Membership;

namespace Kok.Functions.PublicPages;

/// <summary>
/// The page behind the link in the mails about failed monthly payments (<see cref="Kok.Domain.Mail.PublicPageLinks.PaymentMethod"/>):
/// how to give a new payment method, which for now is to contact the office, with its e-mail and postal address from
/// the organisation settings. Public and the same for everyone: nothing personal is asked for or shown. In the frame of
/// <see cref="MemberPage"/>; a setting still unconfigured is left out rather than shown as a placeholder.
/// </summary>
public static class PaymentMethodPage
{
    public static string Html(MemberPageContext page, OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(organisation);
        var en = page.English;
        var title = en ? "Giving us a new payment method" : "Neue Zahlungsart mitteilen";
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(title)).Append("</h1>\n<p id=\"why\">").Append(E(en
            ? "Has your card expired, or has your bank account changed? Please let us know, so that your monthly donation or your membership dues can be collected again."
            : "Ist Ihre Karte abgelaufen oder hat sich Ihr Konto geändert? Dann teilen Sie uns das bitte mit, damit Ihre monatliche Spende oder Ihr Mitgliedsbeitrag wieder eingezogen werden kann.")).Append("</p>\n");
        if (Configured(organisation.ContactEmail))
        {
            body.Append("<p id=\"contact\">").Append(E(en ? "Please write to our office at " : "Schreiben Sie dazu bitte unserer Geschäftsstelle an "))
                .Append("<a id=\"contact-email\" href=\"mailto:").Append(E(organisation.ContactEmail)).Append("\">").Append(E(organisation.ContactEmail)).Append("</a>")
                .Append(E(en
                    ? ", with your name and the e-mail address you gave us. We will reply and tell you how to give us the new payment method safely."
                    : ", mit Ihrem Namen und der E-Mail-Adresse, die Sie uns genannt haben. Wir antworten Ihnen und sagen Ihnen, wie Sie uns die neue Zahlungsart sicher mitteilen."))
                .Append("</p>\n");
        }

        body.Append("<p id=\"no-card-numbers\">").Append(E(en
            ? "Please do not send us card numbers by e-mail."
            : "Bitte schicken Sie uns keine Kartennummern per E-Mail.")).Append("</p>\n");
        if (organisation.AddressLines.Count > 0 && organisation.AddressLines.All(Configured))
        {
            body.Append("<h2>").Append(E(en ? "Our postal address" : "Unsere Anschrift")).Append("</h2>\n<address id=\"postal-address\">")
                .AppendJoin("<br>", new[] { organisation.Name }.Concat(organisation.AddressLines).Select(E)).Append("</address>\n");
        }

        return MemberPage.Document(page, title, body.ToString());
    }

    private static bool Configured(string value) => !string.IsNullOrWhiteSpace(value) && !OrganisationProfile.IsPlaceholder(value);

    private static string E(string value) => MemberPage.E(value);
}
