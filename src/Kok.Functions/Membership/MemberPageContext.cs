using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Membership;

/// <summary>
/// Which member page is asked for and in which language: <c>lang=de</c> or <c>lang=en</c> from the URL (the page's
/// language switch) wins, else the member's own locale, else German. <see cref="Url"/> is the same page with its
/// token in the other language; the cancel form posts to <see cref="FormAction"/>, which keeps a chosen language, so
/// the confirmation comes in it too.
/// </summary>
public sealed record MemberPageContext(bool English, string Path, string Token, bool LanguageChosen = false)
{
    public static MemberPageContext From(HttpRequest request, string? memberLocale = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chosen = request.Query["lang"].ToString() switch
        {
            "en" => true,
            "de" => false,
            _ => (bool?)null,
        };
        return new MemberPageContext(
            chosen ?? memberLocale == "en", $"{request.PathBase}{request.Path}", request.Query["token"].ToString(), chosen.HasValue);
    }

    /// <summary>This page in German or English, token kept (a public page without one has none to keep).</summary>
    public string Url(bool english) => Token.Length == 0
        ? $"{Path}?lang={(english ? "en" : "de")}"
        : $"{Path}?token={Uri.EscapeDataString(Token)}&lang={(english ? "en" : "de")}";

    public string FormAction => LanguageChosen ? Url(English) : $"{Path}?token={Uri.EscapeDataString(Token)}";
}
