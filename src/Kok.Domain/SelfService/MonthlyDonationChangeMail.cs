using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Membership;

namespace Kok.Domain.SelfService;

/// <summary>The confirmation of a change the donor made to a monthly donation on "Mein KOK", in their language.</summary>
public static class MonthlyDonationChangeMail
{
    /// <param name="page">The "Mein KOK" page, where the donor sees the change.</param>
    public static MailMessage Compose(MailRecipient to, MailLanguage language, Uri page, MonthlyDonationChange change)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(change);
        var (kind, amountCents, pauseUntil) = change;
        var en = language == MailLanguage.English;
        var what = kind switch
        {
            MonthlyDonationChangeKind.Amount when amountCents is { } cents => en
                ? $"from your next payment on, your monthly donation is {EuroTexts.English(cents)}."
                : $"ab der nächsten Zahlung beträgt Ihre monatliche Spende {EuroTexts.German(cents)}.",
            MonthlyDonationChangeKind.Pause when pauseUntil is { } until => en
                ? $"your monthly donation is paused: nothing is collected before {MemberMailComposer.Date(AssociationCalendar.Date(until), true)}. After that it continues as before."
                : $"Ihre monatliche Spende ruht: Vor dem {MemberMailComposer.Date(AssociationCalendar.Date(until), false)} wird nichts abgebucht. Danach läuft sie weiter wie bisher.",
            MonthlyDonationChangeKind.Cancel => en
                ? "you have ended your monthly donation. It ends after the current month, which is already paid; nothing more will be collected."
                : "Sie haben Ihre monatliche Spende beendet. Sie endet nach dem laufenden Monat, der schon bezahlt ist; danach wird nichts mehr abgebucht.",
            _ => throw new ArgumentException("The change lacks its amount or pause.", nameof(change)),
        };
        return new MailBodyBuilder(language)
            .Paragraph(en ? $"Dear {to.Name}," : $"Guten Tag {to.Name},")
            .Paragraph((en ? "as you asked on \"Mein KOK\", " : "wie Sie es bei „Mein KOK“ gewünscht haben: ") + what)
            .Paragraph(en ? "You can see and change your donation on \"Mein KOK\" (sign in with your e-mail address):" : "Ihre Spende sehen und ändern Sie bei „Mein KOK“ (Anmeldung mit Ihrer E-Mail-Adresse):", page)
            .ChangeMailClosing(en)
            .Build(to, en ? "Your monthly donation was changed" : "Ihre monatliche Spende wurde geändert");
    }
}
