using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>
/// What each kind of mail is about, in German and English, for the list of mails on "Mein KOK" (the mail log keeps
/// ids and times only, never a mail's text).
/// </summary>
public static class MailKindSubjects
{
    public static string Of(MailKind kind, MailLanguage language)
    {
        var (german, english) = kind switch
        {
            MailKind.DonationThankYou => ("Danke für Ihre Spende", "Thank you for your donation"),
            MailKind.MonthlyDonationThankYou => ("Danke für Ihre monatliche Spende", "Thank you for your monthly donation"),
            MailKind.MembershipFeeReceipt => ("Ihr Mitgliedsbeitrag ist eingegangen", "Your membership fee has arrived"),
            MailKind.ReceiptWithdrawn => ("Zuwendungsbestätigung storniert", "Donation receipt withdrawn"),
            MailKind.MemberWelcome => ("Willkommen als Fördermitglied", "Welcome as a supporting member"),
            MailKind.MemberCancellationConfirmed => ("Kündigung bestätigt", "Cancellation confirmed"),
            MailKind.MemberFirstPaymentFailed => ("Erster Beitrag nicht eingegangen", "First fee not received"),
            MailKind.DuesPreNotification => ("Ankündigung des Beitragseinzugs", "Notice of the fee collection"),
            MailKind.DuesChargeFailed => ("Beitrag konnte nicht eingezogen werden", "Fee could not be collected"),
            MailKind.DuesReminder => ("Erinnerung an Ihren Beitrag", "Reminder of your fee"),
            MailKind.DuesLapsed => ("Mitgliedschaft beendet (Beitrag offen)", "Membership ended (fee unpaid)"),
            MailKind.DuesStaffReminder => ("Erinnerung an Ihren Beitrag", "Reminder of your fee"),
            MailKind.MonthlyPaymentFailed => ("Monatliche Spende nicht eingegangen", "Monthly donation not received"),
            MailKind.MonthlyDonationEnded => ("Monatliche Spende beendet", "Monthly donation ended"),
            MailKind.AnnualReceipt => ("Ihre Sammelbestätigung", "Your annual donation receipt"),
            MailKind.ReceiptCorrected => ("Zuwendungsbestätigung berichtigt", "Donation receipt corrected"),
            MailKind.MonthlyDonationChanged => ("Ihre monatliche Spende wurde geändert", "Your monthly donation was changed"),
            MailKind.MembershipAmountChanged => ("Ihr Jahresbeitrag wurde geändert", "Your annual fee was changed"),
            MailKind.PaymentMethodChanged => ("Ihre Zahlungsart wurde geändert", "Your payment method was changed"),
            MailKind.AddressChanged => ("Ihre Anschrift wurde geändert", "Your address was changed"),
            MailKind.ErasureRequested => ("Ihr Antrag auf Löschung Ihrer Daten", "Your request to erase your data"),
            _ => ("Nachricht von KOK e.V.", "Message from KOK e.V."),
        };
        return language == MailLanguage.English ? english : german;
    }
}
