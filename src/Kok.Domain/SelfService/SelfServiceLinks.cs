namespace Kok.Domain.SelfService;

/// <summary>
/// Where "Mein KOK" lives: the page (<see cref="PagePath"/>) and the sign-in page a mailed link opens
/// (<see cref="SignInPath"/>, token in the query), absolute from the configured public base URL as
/// <see cref="Mail.PublicPageLinks"/> builds its links.
/// </summary>
public sealed class SelfServiceLinks
{
    public const string PagePath = "mein-kok";
    public const string SignInPath = "mein-kok/anmelden";

    private readonly string baseUrl;

    public SelfServiceLinks(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base URL must be absolute.", nameof(publicBaseUrl));
        }

        baseUrl = publicBaseUrl.ToString().TrimEnd('/');
    }

    public Uri Page(Mail.MailLanguage language) => new($"{baseUrl}/{PagePath}?lang={Mail.MailLanguageCode.ToCode(language)}");

    /// <summary>The page with a note of what just happened (<paramref name="name"/>=<paramref name="value"/>), for return links.</summary>
    public Uri Page(Mail.MailLanguage language, string name, string value) =>
        new($"{Page(language)}&{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");

    public Uri SignIn(string token, Mail.MailLanguage language)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new($"{baseUrl}/{SignInPath}?token={Uri.EscapeDataString(token)}&lang={Mail.MailLanguageCode.ToCode(language)}");
    }
}
