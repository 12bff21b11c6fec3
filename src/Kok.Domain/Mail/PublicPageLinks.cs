namespace Kok.Domain.Mail;

/// <summary>
/// Absolute links in mails to the public pages anyone may open, without login or token and with nothing personal in
/// the URL (only the page's language): built from the configured public base URL, as <see cref="Membership.MemberLinks"/>
/// builds the personal ones.
/// </summary>
public sealed class PublicPageLinks
{
    /// <summary>The page that says how to give a new payment method (until supporters can change it themselves).</summary>
    public const string PaymentMethodPath = "payment-method";

    private readonly Uri publicBaseUrl;

    public PublicPageLinks(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base URL must be absolute.", nameof(publicBaseUrl));
        }

        this.publicBaseUrl = publicBaseUrl;
    }

    /// <summary>How to give a new payment method, in the mail's language.</summary>
    public Uri PaymentMethod(MailLanguage language) =>
        new($"{publicBaseUrl.ToString().TrimEnd('/')}/{PaymentMethodPath}?lang={language.ToCode()}");
}
