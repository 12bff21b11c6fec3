using Kok.Domain.Privacy;
using Kok.Functions.Membership;

namespace Kok.Functions.Privacy;

/// <summary>
/// The page an unsubscribe link opens, in the frame of <see cref="MemberPage"/>: what stops and what does not, and one
/// button in a plain HTML form that posts the link back (no script). Only that post records the objection, so a mail
/// scanner fetching the link changes nothing; mail programs' own button posts directly (RFC 8058 one-click).
/// </summary>
public static class UnsubscribePage
{
    public static string Show(MemberPageContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var en = page.English;
        var title = en ? "Stop reminder mails" : "Erinnerungs-E-Mails abbestellen";
        var body = $"""
            <h1>{E(title)}</h1>
            <p>{E(en
                ? "After this, we no longer send you reminders by email. Receipts (Zuwendungsbestätigungen), notices before a direct debit and what your donation or membership requires still reach you."
                : "Danach schicken wir Ihnen keine Erinnerungen mehr per E-Mail. Zuwendungsbestätigungen, Ankündigungen vor einer Lastschrift und was Ihre Spende oder Mitgliedschaft erfordert, erhalten Sie weiterhin.")}</p>
            <form id="unsubscribe" method="post" action="{E(page.FormAction)}">
            <button type="submit">{E(en ? "Stop reminder mails" : "Erinnerungen abbestellen")}</button>
            </form>

            """;
        return MemberPage.Document(page, title, body);
    }

    public static string Done(MemberPageContext page, MailObjectionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(page);
        var en = page.English;
        var title = en ? "Reminder mails stopped" : "Erinnerungen abbestellt";
        var detail = outcome == MailObjectionOutcome.AlreadyRecorded
            ? en ? "This address had already stopped them; nothing changed." : "Diese Adresse hatte sie schon abbestellt; es hat sich nichts geändert."
            : en ? "We no longer send reminders to this address. To receive them again, write to us." : "Wir schicken an diese Adresse keine Erinnerungen mehr. Wenn Sie sie wieder erhalten möchten, schreiben Sie uns.";
        var body = $"""
            <h1>{E(title)}</h1>
            <p id="done" role="status">{E(detail)}</p>

            """;
        return MemberPage.Document(page, title, body);
    }

    public static string Rejected(MemberPageContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var en = page.English;
        var title = en ? "This link is not complete" : "Dieser Link ist unvollständig";
        var body = $"""
            <h1>{E(title)}</h1>
            <p id="reason">{E(en
                ? "Please open the link from the mail once more, or copy it whole into the address bar. You can also write to us."
                : "Bitte öffnen Sie den Link aus der E-Mail noch einmal oder kopieren Sie ihn vollständig in die Adresszeile. Sie können uns auch schreiben.")}</p>

            """;
        return MemberPage.Document(page, title, body);
    }

    private static string E(string value) => MemberPage.E(value);
}
