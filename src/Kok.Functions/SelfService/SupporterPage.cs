using System.Security.Cryptography;
using System.Text;
using Kok.Functions.Http;
using Kok.Functions.Membership;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.SelfService;

/// <summary>
/// The page <c>GET /mein-kok</c> in the frame and look of the member pages (<see cref="MemberPage"/>), German unless
/// <c>lang=en</c>: the skeleton in the page's language, filled by <c>mein-kok.js</c> (inlined, allowed by its hash)
/// from <c>GET /api/me</c>; without a session it shows the form that asks for a sign-in link. The page itself is
/// the same for everyone and holds nothing personal.
/// </summary>
public static class SupporterPage
{
    private const string ScriptResource = "Kok.Functions.SelfService.Page.mein-kok.js";

    private static readonly string Script = Load();

    private static readonly PageHeaders Headers = PageHeaders.For(
        "no-referrer",
        scriptSrc: Hash(Script),
        styleSrc: MemberPage.StyleSource,
        connectSrc: "'self'");

    public static ContentResult Html(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = MemberPageContext.From(request);
        var en = page.English;
        var body = $"""
            <h1>Mein KOK</h1>
            <p class="lead">{E(en ? "Your donations, your membership, your donation receipts and the mails we sent you." : "Ihre Spenden, Ihre Mitgliedschaft, Ihre Zuwendungsbestätigungen und die Mails, die wir Ihnen geschickt haben.")}</p>
            <div id="status" role="status" aria-live="polite"></div>
            <section id="sign-in" aria-labelledby="sign-in-title" hidden>
            <h2 id="sign-in-title">{E(en ? "Sign in" : "Anmelden")}</h2>
            <p>{E(en ? "Enter the e-mail address you gave us. We will mail you a link to sign in, without a password." : "Geben Sie die E-Mail-Adresse an, die Sie uns genannt haben. Wir mailen Ihnen einen Link zum Anmelden, ohne Passwort.")}</p>
            <form id="link-form" novalidate>
            <label for="email">{E(en ? "E-mail address" : "E-Mail-Adresse")}</label>
            <input id="email" name="email" type="email" autocomplete="email" required>
            <div class="visually-hidden-trap" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
            <button type="submit">{E(en ? "Send me a sign-in link" : "Anmeldelink schicken")}</button>
            </form>
            </section>
            <div id="overview" hidden>
            <section aria-labelledby="donations-title"><h2 id="donations-title">{E(en ? "Your donations" : "Ihre Spenden")}</h2><div id="donations"></div></section>
            <section aria-labelledby="memberships-title"><h2 id="memberships-title">{E(en ? "Your membership" : "Ihre Mitgliedschaft")}</h2><div id="memberships"></div></section>
            <section aria-labelledby="receipts-title"><h2 id="receipts-title">{E(en ? "Donation receipts" : "Zuwendungsbestätigungen")}</h2><div id="receipts"></div></section>
            <section aria-labelledby="address-title"><h2 id="address-title">{E(en ? "Address for donation receipts" : "Anschrift für Zuwendungsbestätigungen")}</h2><div id="address"></div></section>
            <section aria-labelledby="mails-title"><h2 id="mails-title">{E(en ? "Mails from us" : "Mails von uns")}</h2><div id="mails"></div></section>
            <section aria-labelledby="data-title"><h2 id="data-title">{E(en ? "Your data" : "Ihre Daten")}</h2>
            <p>{E(en ? "Everything we store about you, with why and for how long (access under Art. 15 GDPR)." : "Alles, was wir über Sie speichern, mit Zweck und Dauer (Auskunft nach Art. 15 DSGVO).")}</p>
            <p><a id="my-data" href="/{Privacy.Export.PrivacyExportFunctions.PagePath}?lang={(en ? "en" : "de")}">{E(en ? "Show my data" : "Meine Daten ansehen")}</a><br><a id="my-data-file" href="/{Privacy.Export.PrivacyExportFunctions.DataPath}" download>{E(en ? "Download my data as a file (JSON)" : "Meine Daten als Datei herunterladen (JSON)")}</a></p>
            </section>
            <section aria-labelledby="erasure-title"><h2 id="erasure-title">{E(en ? "Have your data erased" : "Daten löschen lassen")}</h2>
            <p id="erasure-explained">{E(en
                ? "You can ask us to erase your data (Art. 17 GDPR). Our office will then erase everything we are not required to keep by tax law, and end any running monthly donation or membership. Donation receipts and the payments they rest on must be kept for the legal period (usually ten years): they stay locked, used for nothing else, and are deleted afterwards. We confirm your request by mail; once erased, you can no longer sign in here."
                : "Sie können uns bitten, Ihre Daten zu löschen (Art. 17 DSGVO). Unsere Geschäftsstelle löscht dann alles, was wir nicht nach dem Steuerrecht aufbewahren müssen, und beendet eine laufende monatliche Spende oder Mitgliedschaft. Zuwendungsbestätigungen und die Zahlungen, auf denen sie beruhen, müssen wir für die gesetzliche Frist (meist zehn Jahre) aufbewahren: Sie bleiben gesperrt, werden für nichts anderes genutzt und danach gelöscht. Wir bestätigen Ihren Antrag per Mail; nach der Löschung können Sie sich hier nicht mehr anmelden.")}</p>
            <div id="erasure"></div>
            </section>
            <p><button id="sign-out" type="button" class="secondary">{E(en ? "Sign out" : "Abmelden")}</button></p>
            </div>
            <script>{Script}</script>

            """;
        Headers.ApplyTo(request.HttpContext.Response, "no-store");
        return new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            ContentType = "text/html; charset=utf-8",
            Content = MemberPage.Document(page, "Mein KOK", body),
        };
    }

    private static string E(string value) => MemberPage.E(value);

    private static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";

    private static string Load()
    {
        using var stream = typeof(SupporterPage).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Embedded resource {ScriptResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
