using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.BankTransfers;

/// <summary>The mail that tells a donor where to transfer a donation and which reference code to write, in German or English.</summary>
public sealed class TransferMailComposer(OrganisationProfile organisation)
{
    public MailMessage Instructions(MailRecipient to, MailLanguage language, BankAccount account, long amountCents, ReferenceCode code)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(code);
        var english = language == MailLanguage.English;
        var body = new MailBodyBuilder(language);
        body.Paragraph(english
            ? (to.Name.Length > 0 ? $"Dear {to.Name}," : "Hello,")
            : (to.Name.Length > 0 ? $"Guten Tag {to.Name}," : "Guten Tag,"));
        body.Paragraph(english
            ? "Thank you for choosing to support us with a donation. Please transfer it to our account as follows. Writing the reference code into the payment reference is what lets us find your donation and thank you for it."
            : "vielen Dank, dass Sie uns mit einer Spende unterstützen möchten. Bitte überweisen Sie sie wie folgt auf unser Konto. Geben Sie dabei unbedingt den Spendencode im Verwendungszweck an: nur so können wir Ihre Spende zuordnen und Ihnen dafür danken.");
        var amount = english ? EuroTexts.English(amountCents) : EuroTexts.German(amountCents);
        var facts = new List<(string, string)>
        {
            (english ? "Account holder" : "Kontoinhaber", account.Holder),
            ("IBAN", account.IbanGrouped),
        };
        if (account.Bic is { } bic)
        {
            facts.Add(("BIC", bic));
        }

        if (account.BankName is { } bank)
        {
            facts.Add((english ? "Bank" : "Bank", bank));
        }

        facts.Add((english ? "Amount" : "Betrag", amount));
        facts.Add((english ? "Payment reference" : "Verwendungszweck", code.Value));
        body.Facts([.. facts]);
        body.Paragraph(english
            ? "Many banking apps can also scan the GiroCode shown on our page after your donation; it fills in all of this for you."
            : "Viele Banking-Apps können auch den GiroCode scannen, den unsere Seite nach Ihrer Spende zeigt; er füllt alles für Sie aus.");
        body.Paragraph(english
            ? $"As soon as your transfer has arrived, we will send you a thank-you mail. If you have any questions, please write to us at {organisation.ContactEmail}."
            : $"Sobald Ihre Überweisung bei uns eingegangen ist, schicken wir Ihnen eine Dankesmail. Bei Fragen schreiben Sie uns gern an {organisation.ContactEmail}.");
        body.Lines(english ? "Kind regards" : "Herzliche Grüße", organisation.Name);
        return body.Build(to, english
            ? $"Your donation by bank transfer: reference {code.Value} – {organisation.ShortName}"
            : $"Ihre Spende per Überweisung: Verwendungszweck {code.Value} – {organisation.ShortName}");
    }
}
