using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>The mail with a sign-in link, in the supporter's language.</summary>
public static class SignInMailComposer
{
    public static MailMessage Compose(MailRecipient to, MailLanguage language, Uri signInUrl)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(signInUrl);
        var en = language == MailLanguage.English;
        var minutes = (int)SignInLink.Lifetime.TotalMinutes;
        return new MailBodyBuilder(language)
            .Paragraph(en ? $"Dear {to.Name}," : $"Guten Tag {to.Name},")
            .Paragraph(en
                ? "you asked to sign in to \"Mein KOK\", where you can see your donations, membership and receipts. Open this link and press \"Sign in\":"
                : "Sie möchten sich bei „Mein KOK“ anmelden, wo Sie Ihre Spenden, Ihre Mitgliedschaft und Ihre Zuwendungsbestätigungen sehen. Öffnen Sie diesen Link und drücken Sie auf „Anmelden“:",
                signInUrl)
            .Paragraph(en
                ? $"The link works once and for {minutes} minutes. If you did not ask for it, you can ignore this mail: nobody can sign in without it."
                : $"Der Link gilt einmal und {minutes} Minuten lang. Wenn Sie ihn nicht angefordert haben, können Sie diese Mail einfach löschen: Ohne den Link kann sich niemand anmelden.")
            .Paragraph(en ? "Kind regards, your KOK team" : "Mit freundlichen Grüßen, Ihr KOK-Team")
            .Build(to, en ? "Your sign-in link for Mein KOK" : "Ihr Anmeldelink für Mein KOK");
    }
}
