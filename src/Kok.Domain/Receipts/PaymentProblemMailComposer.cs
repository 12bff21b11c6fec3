using System.Globalization;
using Kok.Domain.Mail;
using Kok.Domain.Payments;

namespace Kok.Domain.Receipts;

/// <summary>
/// Mails about a monthly donation whose payments fail, in German or English: one per failed payment (with the reason
/// and the way to give a new payment method), and a last one when the provider gave up and the donation ended.
/// Until supporters can change their payment method themselves, the way is to write to the office: the mails link to
/// the public page that says so (<see cref="PublicPageLinks.PaymentMethod"/>, with the office's address) and name the
/// address too, so the mail alone suffices. Without <paramref name="pages"/> (no public base URL configured) only the address.
/// </summary>
public sealed class PaymentProblemMailComposer(OrganisationProfile organisation, PublicPageLinks? pages = null)
{
    public MailMessage MonthlyPaymentFailed(MailRecipient to, MailLanguage language, long amountCents, string? failureCode)
    {
        ArgumentNullException.ThrowIfNull(to);
        var english = language == MailLanguage.English;
        var reason = PaymentProblemTexts.ForFailureCode(failureCode).In(language);
        var body = Start(to, language);
        body.Paragraph(english
            ? $"Thank you for supporting us with a monthly donation. Unfortunately this month's payment of {English(amountCents)} did not go through. {reason}"
            : $"vielen Dank, dass Sie uns mit einer monatlichen Spende unterstützen. Leider konnte die Zahlung über {German(amountCents)} in diesem Monat nicht eingezogen werden. {reason}");
        body.Paragraph(english
            ? "Our payment provider will try again in the next few days. If your card or bank account has changed, please tell us the new payment method so that your donation can continue."
            : "Unser Zahlungsdienst versucht es in den nächsten Tagen noch einmal. Wenn sich Ihre Karte oder Ihr Konto geändert hat, teilen Sie uns bitte die neue Zahlungsart mit, damit Ihre Spende weiterlaufen kann.");
        NewMethod(body, language);
        Closing(body, language);
        return body.Build(to, english
            ? $"Your monthly donation could not be collected – {organisation.ShortName}"
            : $"Ihre monatliche Spende konnte nicht eingezogen werden – {organisation.ShortName}");
    }

    public MailMessage MonthlyDonationEnded(MailRecipient to, MailLanguage language)
    {
        ArgumentNullException.ThrowIfNull(to);
        var english = language == MailLanguage.English;
        var body = Start(to, language);
        body.Paragraph(english
            ? "The payments of your monthly donation could not be collected several times, so our payment provider has now ended it. No further payments will be taken."
            : "Die Zahlungen Ihrer monatlichen Spende konnten mehrmals nicht eingezogen werden; unser Zahlungsdienst hat sie deshalb beendet. Es wird nichts mehr abgebucht.");
        body.Paragraph(english
            ? "Thank you very much for your support so far. If you would like to continue, you are welcome to start a new monthly donation on our website."
            : "Herzlichen Dank für Ihre bisherige Unterstützung. Wenn Sie weiter spenden möchten, können Sie gern auf unserer Website eine neue monatliche Spende einrichten.");
        NewMethod(body, language);
        Closing(body, language);
        return body.Build(to, english
            ? $"Your monthly donation has ended – {organisation.ShortName}"
            : $"Ihre monatliche Spende wurde beendet – {organisation.ShortName}");
    }

    private void NewMethod(MailBodyBuilder body, MailLanguage language)
    {
        var english = language == MailLanguage.English;
        if (pages is not null)
        {
            body.Paragraph(english
                ? "How to give us a new payment method:"
                : "So teilen Sie uns eine neue Zahlungsart mit:", pages.PaymentMethod(language));
        }

        body.Paragraph(english
            ? $"To give a new payment method, or if you have any questions, please write to us at {organisation.ContactEmail}."
            : $"Für eine neue Zahlungsart oder bei Fragen schreiben Sie uns bitte an {organisation.ContactEmail}.");
    }

    private static MailBodyBuilder Start(MailRecipient to, MailLanguage language)
    {
        var body = new MailBodyBuilder(language);
        body.Paragraph(language == MailLanguage.English
            ? (to.Name.Length > 0 ? $"Dear {to.Name}," : "Hello,")
            : (to.Name.Length > 0 ? $"Guten Tag {to.Name}," : "Guten Tag,"));
        return body;
    }

    private void Closing(MailBodyBuilder body, MailLanguage language) =>
        body.Lines(language == MailLanguage.English ? "Kind regards" : "Herzliche Grüße", organisation.Name);

    private static string German(long cents) => GermanAmountInFigures.Format(cents);

    private static string English(long cents) =>
        "€" + (cents / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture);
}
