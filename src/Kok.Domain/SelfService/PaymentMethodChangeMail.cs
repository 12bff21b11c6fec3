using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>The confirmation that the payment method a supporter set up on "Mein KOK" was taken over.</summary>
public static class PaymentMethodChangeMail
{
    /// <param name="membership">True for a membership's dues, false for a monthly donation.</param>
    public static MailMessage Compose(MailRecipient to, MailLanguage language, Uri page, SavedPaymentMethod method, bool membership)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(method);
        var en = language == MailLanguage.English;
        var how = MemberMailComposer.MethodText(method.Kind, method, en);
        var what = (membership, en) switch
        {
            (true, true) => "your annual membership fee",
            (true, false) => "Ihren Jahresbeitrag",
            (false, true) => "your monthly donation",
            (false, false) => "Ihre monatliche Spende",
        };
        return new MailBodyBuilder(language)
            .Paragraph(en ? $"Dear {to.Name}," : $"Guten Tag {to.Name},")
            .Paragraph(en
                ? $"as you asked on \"Mein KOK\", we will collect {what} by {how} from the next payment on. Nothing was charged for the change itself."
                : $"wie Sie es bei „Mein KOK“ gewünscht haben, ziehen wir {what} ab der nächsten Zahlung per {how} ein. Für die Änderung selbst wurde nichts abgebucht.")
            .Paragraph(en ? "You can see your payment method on \"Mein KOK\" (sign in with your e-mail address):" : "Ihre Zahlungsart sehen Sie bei „Mein KOK“ (Anmeldung mit Ihrer E-Mail-Adresse):", page)
            .ChangeMailClosing(en)
            .Build(to, en ? "Your payment method was changed" : "Ihre Zahlungsart wurde geändert");
    }
}
