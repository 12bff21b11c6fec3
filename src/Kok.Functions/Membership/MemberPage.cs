using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Membership;

/// <summary>
/// The frame of the small pages behind a member's personal links (cancellation, pay dues): the website forms' look
/// (<c>web/forms.css</c>, embedded in this assembly and inlined, allowed by its hash in the Content-Security-Policy,
/// so the page needs no other request and no inline style is allowed besides), a header with a German/English switch
/// that is a plain link to the same URL with <c>lang=</c> (token kept, no script), and the content in the
/// <c>main</c> landmark. Only this class and its callers write tags; every value is HTML-encoded on the way in.
/// </summary>
public static class MemberPage
{
    private const string StylesheetResource = "Kok.Functions.Membership.forms.css";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string Stylesheet = LoadStylesheet();

    /// <summary>The CSP source that allows the inlined stylesheet (its hash), for pages in this frame with headers of their own.</summary>
    public static readonly string StyleSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet)))}'";

    /// <summary>
    /// Nothing but the inlined stylesheet (by its hash) and posting the form back to this origin. The URL carries the
    /// member's token, so it is never sent on as a referrer.
    /// </summary>
    public static readonly PageHeaders Headers =
        PageHeaders.For("no-referrer", styleSrc: StyleSource);

    /// <param name="languageSwitch">False for a page that answers a post, where a link to the same URL would not lead back to it.</param>
    public static string Document(MemberPageContext page, string title, string body, bool languageSwitch = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var en = page.English;
        return $"""
            <!DOCTYPE html>
            <html lang="{(en ? "en" : "de")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{E(title)} – KOK e.V.</title>
            <style>{Stylesheet}</style>
            </head>
            <body>
            <header class="bar">
            <span class="brand">KOK e.V.</span>
            {(languageSwitch ? $"""<nav class="lang-switch" aria-label="{(en ? "Language" : "Sprache")}"><a id="lang-switch" class="button secondary" href="{E(page.Url(!en))}" lang="{(en ? "de" : "en")}" hreflang="{(en ? "de" : "en")}">{(en ? "Deutsch" : "English")}</a></nav>""" : string.Empty)}
            </header>
            <main>
            {body}</main>
            </body>
            </html>

            """;
    }

    /// <summary>
    /// The page as the answer, with the headers every such page needs (<see cref="Headers"/>); its URL carries the
    /// member's token, so it is never cached either.
    /// </summary>
    public static ContentResult Html(HttpRequest request, int status, string html)
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplyHeaders(request.HttpContext.Response);
        return new ContentResult { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = html };
    }

    /// <summary>The headers of these pages, also for the answers of their routes that are no page (a redirect).</summary>
    public static void ApplyHeaders(HttpResponse response) => Headers.ApplyTo(response, "no-store");

    public static string E(string value) => Encoder.Encode(value);

    private static string LoadStylesheet()
    {
        using var stream = typeof(MemberPage).Assembly.GetManifestResourceStream(StylesheetResource)
            ?? throw new InvalidOperationException($"Embedded resource {StylesheetResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
