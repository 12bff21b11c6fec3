using Kok.Domain.SelfService;
using Kok.Functions.Membership;

namespace Kok.Functions.SelfService;

/// <summary>
/// The page a mailed sign-in link opens, in the frame of <see cref="MemberPage"/>: a plain HTML form with one button
/// that posts the token back (no script needed). Only that post signs in, so a mail scanner that fetches the link
/// leaves it unused. A link that no longer works says why and leads to the page where a new one is asked for.
/// </summary>
public static class SignInPage
{
    public static string Show(MemberPageContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var en = page.English;
        var title = en ? "Sign in to Mein KOK" : "Bei Mein KOK anmelden";
        var body = $"""
            <h1>{E(title)}</h1>
            <p>{E(en ? "Press the button to sign in. You stay signed in for 30 minutes after your last action." : "Drücken Sie auf die Schaltfläche, um sich anzumelden. Sie bleiben bis 30 Minuten nach Ihrer letzten Aktion angemeldet.")}</p>
            <form id="sign-in" method="post" action="{E(page.FormAction)}">
            <button type="submit">{E(en ? "Sign in" : "Anmelden")}</button>
            </form>

            """;
        return MemberPage.Document(page, title, body);
    }

    public static string Rejected(MemberPageContext page, SignInLinkCheck reason)
    {
        ArgumentNullException.ThrowIfNull(page);
        var en = page.English;
        var title = en ? "This sign-in link no longer works" : "Dieser Anmeldelink gilt nicht mehr";
        var why = reason switch
        {
            SignInLinkCheck.Expired => en ? "It was older than 30 minutes." : "Er war älter als 30 Minuten.",
            SignInLinkCheck.Used => en ? "It has already been used once." : "Er wurde schon einmal benutzt.",
            _ => en ? "It is not complete or not one of ours." : "Er ist unvollständig oder stammt nicht von uns.",
        };
        var body = $"""
            <h1>{E(title)}</h1>
            <p id="reason">{E(why)}</p>
            <p><a id="new-link" href="/{SelfServiceLinks.PagePath}?lang={(en ? "en" : "de")}">{E(en ? "Ask for a new sign-in link" : "Neuen Anmeldelink anfordern")}</a></p>

            """;
        return MemberPage.Document(page, title, body);
    }

    private static string E(string value) => MemberPage.E(value);
}
