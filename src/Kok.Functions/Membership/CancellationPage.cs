using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kok.Domain.Membership;

namespace Kok.Functions.Membership;

/// <summary>
/// The small server-rendered pages behind a member's personal link: the membership with a cancel button, the
/// confirmation, and the refusal of a bad link. German or English by the member's locale; every value is
/// HTML-encoded. The form posts to the same URL, token included, so no login is needed.
/// </summary>
public static class CancellationPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Show(MemberView member, bool canCancel, string formAction)
    {
        ArgumentNullException.ThrowIfNull(member);
        var en = English(member);
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(en ? "Your supporting membership" : "Ihre Fördermitgliedschaft")).Append("</h1>\n");
        Facts(body, member, en);
        if (canCancel)
        {
            var explanation = member.PaidThrough is { } paidThrough && member.Status is MembershipStatus.Active or MembershipStatus.Overdue
                ? (en
                    ? $"If you cancel, your membership ends at the end of {MemberMailComposer.Date(paidThrough, en)}, when the period you have paid for is over. No further dues will be collected."
                    : $"Wenn Sie kündigen, endet Ihre Mitgliedschaft mit Ablauf des {MemberMailComposer.Date(paidThrough, en)}, wenn der bezahlte Zeitraum vorüber ist. Weitere Beiträge werden nicht eingezogen.")
                : (en
                    ? "Nothing has been paid for the current period yet: if you cancel, your membership ends at once."
                    : "Für den laufenden Zeitraum ist noch nichts bezahlt: Wenn Sie kündigen, endet Ihre Mitgliedschaft sofort.");
            body.Append("<p>").Append(E(explanation)).Append("</p>\n")
                .Append("<form method=\"post\" action=\"").Append(E(formAction)).Append("\">\n")
                .Append("<button type=\"submit\" id=\"cancel\">")
                .Append(E(en ? "Cancel supporting membership" : "Fördermitgliedschaft kündigen"))
                .Append("</button>\n</form>\n");
        }
        else
        {
            body.Append("<p id=\"already\">").Append(E(Ended(member, en))).Append("</p>\n");
        }

        return Document(en, en ? "Your supporting membership" : "Ihre Fördermitgliedschaft", body.ToString());
    }

    public static string Cancelled(MemberCancelledResponse result, MemberView member)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(member);
        var en = English(member);
        var body = new StringBuilder();
        var title = result.Outcome is MemberCancellation.AlreadyCancelled or MemberCancellation.AlreadyEnded
            ? (en ? "Already cancelled" : "Bereits gekündigt")
            : (en ? "Cancellation received" : "Kündigung eingegangen");
        body.Append("<h1>").Append(E(title)).Append("</h1>\n");
        body.Append("<p id=\"result\">").Append(E(Ended(member, en))).Append("</p>\n");
        if (result.Outcome is MemberCancellation.WillEnd or MemberCancellation.EndedNow)
        {
            body.Append("<p>").Append(E(en
                ? "We will confirm this by e-mail. Thank you very much for supporting our work against human trafficking and exploitation."
                : "Sie erhalten eine Bestätigung per E-Mail. Herzlichen Dank, dass Sie unsere Arbeit gegen Menschenhandel und Ausbeutung unterstützt haben.")).Append("</p>\n");
        }

        Facts(body, member, en);
        return Document(en, title, body.ToString());
    }

    /// <summary>A bad link: the member is unknown here, so both languages.</summary>
    public static string Rejected(LinkTokenCheck reason)
    {
        var expired = reason == LinkTokenCheck.Expired;
        var body = new StringBuilder()
            .Append("<h1>").Append(E(expired ? "Link abgelaufen / Link expired" : "Link ungültig / Invalid link")).Append("</h1>\n")
            .Append("<p lang=\"de\">").Append(E(expired
                ? "Dieser persönliche Link ist abgelaufen. Bitte nutzen Sie den Link aus unserer neuesten E-Mail oder schreiben Sie unserer Geschäftsstelle."
                : "Dieser Link ist nicht gültig. Bitte nutzen Sie den vollständigen Link aus unserer E-Mail oder schreiben Sie unserer Geschäftsstelle.")).Append("</p>\n")
            .Append("<p lang=\"en\">").Append(E(expired
                ? "This personal link has expired. Please use the link in our latest e-mail or write to our office."
                : "This link is not valid. Please use the complete link from our e-mail or write to our office.")).Append("</p>\n");
        return Document(false, "KOK e.V.", body.ToString());
    }

    public static string NotFound() =>
        Document(false, "KOK e.V.", "<h1>Nicht gefunden / Not found</h1>\n<p>Diese Mitgliedschaft gibt es nicht. / This membership does not exist.</p>\n");

    private static bool English(MemberView member) => member.Locale == "en";

    private static string Ended(MemberView member, bool en) => member.Status switch
    {
        MembershipStatus.Cancelling when member.PaidThrough is { } paidThrough => en
            ? $"Your supporting membership has been cancelled and ends at the end of {MemberMailComposer.Date(paidThrough, en)}. No further dues will be collected."
            : $"Ihre Fördermitgliedschaft ist gekündigt und endet mit Ablauf des {MemberMailComposer.Date(paidThrough, en)}. Weitere Beiträge werden nicht eingezogen.",
        MembershipStatus.Ended => en ? "Your supporting membership has ended." : "Ihre Fördermitgliedschaft ist beendet.",
        _ => en ? "Your supporting membership continues." : "Ihre Fördermitgliedschaft läuft weiter.",
    };

    private static void Facts(StringBuilder body, MemberView m, bool en)
    {
        var rows = new List<(string, string)>
        {
            (en ? "Member" : "Mitglied", m.Name),
            (en ? "Membership" : "Mitgliedschaft", MemberMailComposer.KindText(m.Kind, en)),
            ("Status", StatusText(m.Status, en)),
            (en ? "Annual amount" : "Jahresbeitrag", MemberMailComposer.Amount(m.AnnualAmountCents, en)),
        };
        if (m.MemberSince is { } since)
        {
            rows.Add((en ? "Member since" : "Mitglied seit", MemberMailComposer.Date(since, en)));
        }

        if (m.PaidThrough is { } paid)
        {
            rows.Add((en ? "Paid through" : "Bezahlt bis", MemberMailComposer.Date(paid, en)));
        }

        if (m.NextDuesDate is { } next)
        {
            rows.Add((en ? "Next dues date" : "Nächster Beitrag fällig am", MemberMailComposer.Date(next, en)));
        }

        rows.Add((en ? "Payment method" : "Zahlungsart", MemberMailComposer.MethodText(m.PaymentMethod, m.SavedPaymentMethod, en)));
        body.Append("<dl>\n");
        foreach (var (label, value) in rows)
        {
            body.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
        }

        body.Append("</dl>\n");
    }

    private static string StatusText(MembershipStatus status, bool en) => (status, en) switch
    {
        (MembershipStatus.Pending, true) => "awaiting payment",
        (MembershipStatus.Processing, true) => "payment being processed",
        (MembershipStatus.Active, true) => "active",
        (MembershipStatus.Overdue, true) => "dues overdue",
        (MembershipStatus.Lapsed, true) => "lapsed",
        (MembershipStatus.Cancelling, true) => "cancelled, running until the end of the paid period",
        (MembershipStatus.Ended, true) => "ended",
        (MembershipStatus.Pending, false) => "Zahlung ausstehend",
        (MembershipStatus.Processing, false) => "Zahlung in Bearbeitung",
        (MembershipStatus.Active, false) => "aktiv",
        (MembershipStatus.Overdue, false) => "Beitrag überfällig",
        (MembershipStatus.Lapsed, false) => "erloschen",
        (MembershipStatus.Cancelling, false) => "gekündigt, läuft bis zum Ende des bezahlten Zeitraums",
        _ => "beendet",
    };

    internal static string Document(bool en, string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="{(en ? "en" : "de")}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{E(title)} – KOK e.V.</title>
        <style>
        body {"{"} font-family: system-ui, Arial, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.5; {"}"}
        dl {"{"} display: grid; grid-template-columns: auto 1fr; gap: .3rem 1rem; {"}"}
        dt {"{"} font-weight: 600; {"}"}
        button {"{"} padding: .7rem 1.2rem; font-size: 1rem; cursor: pointer; background: #8a1538; color: #fff; border: 0; border-radius: 4px; {"}"}
        </style>
        </head>
        <body>
        <p><strong>KOK e.V.</strong></p>
        {body}</body>
        </html>

        """;

    private static string E(string value) => Encoder.Encode(value);
}
