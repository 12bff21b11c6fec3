using Kok.Domain.Mail;

namespace Kok.Domain.Privacy;

/// <summary>
/// The unsubscribe link of optional mails: the public base URL, <see cref="Path"/>, the address's
/// <see cref="MailObjectionKey"/> and the mail's language. Nothing else personal is in it.
/// </summary>
public sealed class MailObjectionLinks
{
    public const string Path = "unsubscribe";

    private readonly string publicBaseUrl;

    public MailObjectionLinks(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base URL must be absolute.", nameof(publicBaseUrl));
        }

        this.publicBaseUrl = publicBaseUrl.ToString().TrimEnd('/');
    }

    public Uri Unsubscribe(MailObjectionKey key, MailLanguage language)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Uri($"{publicBaseUrl}/{Path}?token={key.Value}&lang={language.ToCode()}");
    }
}
