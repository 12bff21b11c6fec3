using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.BankTransfers;

/// <summary>The mail that tells a donor where to transfer a donation and which reference code to write, in German or English.</summary>
public sealed class TransferMailComposer(OrganisationProfile organisation)
{
    public MailMessage Instructions(MailRecipient to, MailLanguage language, BankAccount account, long amountCents, ReferenceCode code)
    {
        var (english, body) = Begin(to, language, account, code);
        body.Paragraph(english
            ? "Thank you for choosing to support us with a donation. Please transfer it to our account as follows. Writing the reference code into the payment reference is what lets us find your donation and thank you for it."
            : "vielen Dank, dass Sie uns mit einer Spende unterstützen möchten. Bitte überweisen Sie sie wie folgt auf unser Konto. Geben Sie dabei unbedingt den Spendencode im Verwendungszweck an: nur so können wir Ihre Spende zuordnen und Ihnen dafür danken.");
        body.Facts(Facts(english, account, amountCents, code));
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

    /// <summary>
    /// The one reminder when the money has not come for a while (<see cref="BankTransferSettings.ReminderDays"/>): friendly, the same facts as the
    /// instructions, and no reproach (the money may be on its way, or the donor changed their mind).
    /// </summary>
    public MailMessage Reminder(MailRecipient to, MailLanguage language, BankAccount account, long amountCents, ReferenceCode code)
    {
        var (english, body) = Begin(to, language, account, code);
        body.Paragraph(english
            ? "Some time ago you told us you would like to support us with a donation by bank transfer – thank you! So far we have not been able to find your transfer. In case it slipped your mind, here are our account details once more:"
            : "vor einiger Zeit haben Sie uns mitgeteilt, dass Sie uns mit einer Spende per Überweisung unterstützen möchten – vielen Dank! Bisher konnten wir Ihre Überweisung noch nicht finden. Falls sie im Alltag untergegangen ist, hier noch einmal unsere Kontodaten:");
        body.Facts(Facts(english, account, amountCents, code));
        body.Paragraph(english
            ? "Please write the reference code into the payment reference, so we can match your donation and thank you for it. If you have already transferred the money, thank you very much: please ignore this mail, transfers sometimes take a few days to reach us. This is our only reminder."
            : "Bitte geben Sie den Spendencode im Verwendungszweck an, damit wir Ihre Spende zuordnen und Ihnen danken können. Wenn Sie schon überwiesen haben: herzlichen Dank, dann betrachten Sie diese Mail bitte als gegenstandslos; Überweisungen brauchen manchmal ein paar Tage. Wir erinnern Sie kein weiteres Mal.");
        body.Paragraph(english
            ? $"If you have any questions, please write to us at {organisation.ContactEmail}."
            : $"Bei Fragen schreiben Sie uns gern an {organisation.ContactEmail}.");
        body.Lines(english ? "Kind regards" : "Herzliche Grüße", organisation.Name);
        return body.Build(to, english
            ? $"A friendly reminder: your donation by bank transfer, reference {code.Value} – {organisation.ShortName}"
            : $"Eine freundliche Erinnerung: Ihre Spende per Überweisung, Verwendungszweck {code.Value} – {organisation.ShortName}");
    }

    /// <summary>The checks and the greeting both mails start with.</summary>
    private static (bool English, MailBodyBuilder Body) Begin(MailRecipient to, MailLanguage language, BankAccount account, ReferenceCode code)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(code);
        var english = language == MailLanguage.English;
        var body = new MailBodyBuilder(language);
        body.Paragraph(english
            ? (to.Name.Length > 0 ? $"Dear {to.Name}," : "Hello,")
            : (to.Name.Length > 0 ? $"Guten Tag {to.Name}," : "Guten Tag,"));
        return (english, body);
    }

    /// <summary>Account, amount and reference code as the facts of a mail (also the member mails' transfer block).</summary>
    internal static (string Label, string Value)[] Facts(bool english, BankAccount account, long amountCents, ReferenceCode code)
    {
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
            facts.Add(("Bank", bank));
        }

        facts.Add((english ? "Amount" : "Betrag", english ? EuroTexts.English(amountCents) : EuroTexts.German(amountCents)));
        facts.Add((english ? "Payment reference" : "Verwendungszweck", code.Value));
        return [.. facts];
    }
}
