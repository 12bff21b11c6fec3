using System.Text;
using Kok.Domain.Membership;

namespace Kok.Functions.Membership;

/// <summary>
/// The small server-rendered pages behind a member's personal link: the membership with a cancel button, the
/// confirmation, and the refusal of a bad link, in the frame of <see cref="MemberPage"/> (the forms' look, a
/// German/English switch). German or English by the switch, else by the member's locale; every value is
/// HTML-encoded. The form posts to the same URL, token included, so no login is needed. End dates are the last day
/// of membership in the words of <see cref="MembershipEnd"/>, as in the mails and on the dashboard.
/// </summary>
public static class CancellationPage
{
    public static string Show(MemberPageContext page, CancelPageShown shown)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(shown);
        var member = shown.Member;
        var en = page.English;
        var title = en ? "Your supporting membership" : "Ihre Fördermitgliedschaft";
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(title)).Append("</h1>\n");
        Facts(body, member, en);
        if (shown.CanCancel)
        {
            var explanation = shown.LastDayIfCancelled is { } lastDay
                ? (en
                    ? $"If you cancel, your membership ends {MembershipEnd.AtTheEndOf(lastDay, en)}, when the period you have paid for is over. No further dues will be collected."
                    : $"Wenn Sie kündigen, endet Ihre Mitgliedschaft {MembershipEnd.AtTheEndOf(lastDay, en)}, wenn der bezahlte Zeitraum vorüber ist. Weitere Beiträge werden nicht eingezogen.")
                : (en
                    ? "Nothing has been paid for the current period yet: if you cancel, your membership ends at once."
                    : "Für den laufenden Zeitraum ist noch nichts bezahlt: Wenn Sie kündigen, endet Ihre Mitgliedschaft sofort.");
            body.Append("<p id=\"explanation\">").Append(E(explanation)).Append("</p>\n")
                .Append("<form method=\"post\" action=\"").Append(E(page.FormAction)).Append("\">\n")
                .Append("<button type=\"submit\" id=\"cancel\">")
                .Append(E(en ? "Cancel supporting membership" : "Fördermitgliedschaft kündigen"))
                .Append("</button>\n</form>\n");
        }
        else
        {
            body.Append("<p id=\"already\">").Append(E(Ended(member, en))).Append("</p>\n");
        }

        return MemberPage.Document(page, title, body.ToString());
    }

    public static string Cancelled(MemberPageContext page, MemberCancelledResponse result, MemberView member)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(member);
        var en = page.English;
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
        return MemberPage.Document(page, title, body.ToString());
    }

    /// <summary>
    /// A bad link: the member is unknown here, so the heading names the problem in both languages and the text
    /// follows the switch (German unless chosen).
    /// </summary>
    public static string Rejected(MemberPageContext page, LinkTokenCheck reason)
    {
        ArgumentNullException.ThrowIfNull(page);
        var expired = reason == LinkTokenCheck.Expired;
        var (german, english) = expired ? ("Link abgelaufen", "Link expired") : ("Link ungültig", "Invalid link");
        var text = (expired, page.English) switch
        {
            (true, true) => "This personal link has expired. Please use the link in our latest e-mail or write to our office.",
            (true, false) => "Dieser persönliche Link ist abgelaufen. Bitte nutzen Sie den Link aus unserer neuesten E-Mail oder schreiben Sie unserer Geschäftsstelle.",
            (false, true) => "This link is not valid. Please use the complete link from our e-mail or write to our office.",
            (false, false) => "Dieser Link ist nicht gültig. Bitte nutzen Sie den vollständigen Link aus unserer E-Mail oder schreiben Sie unserer Geschäftsstelle.",
        };
        return MemberPage.Document(page, Title(page, german, english), $"{Both(page, german, english)}<p id=\"result\">{E(text)}</p>\n");
    }

    public static string NotFound(MemberPageContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = page.English ? "This membership does not exist." : "Diese Mitgliedschaft gibt es nicht.";
        return MemberPage.Document(page, Title(page, "Nicht gefunden", "Not found"), $"{Both(page, "Nicht gefunden", "Not found")}<p id=\"result\">{E(text)}</p>\n");
    }

    private static string Title(MemberPageContext page, string german, string english) =>
        page.English ? $"{english} / {german}" : $"{german} / {english}";

    /// <summary>A heading in both languages, the page's language first, the other marked as such.</summary>
    private static string Both(MemberPageContext page, string german, string english) => page.English
        ? $"<h1>{E(english)} / <span lang=\"de\">{E(german)}</span></h1>\n"
        : $"<h1>{E(german)} / <span lang=\"en\">{E(english)}</span></h1>\n";

    private static string Ended(MemberView member, bool en) => member.Status switch
    {
        MembershipStatus.Cancelling when member.MemberUntil is { } lastDay => en
            ? $"Your supporting membership has been cancelled and ends {MembershipEnd.AtTheEndOf(lastDay, en)}. No further dues will be collected."
            : $"Ihre Fördermitgliedschaft ist gekündigt und endet {MembershipEnd.AtTheEndOf(lastDay, en)}. Weitere Beiträge werden nicht eingezogen.",
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
        body.Append("<dl class=\"facts\">\n");
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

    private static string E(string value) => MemberPage.E(value);
}
