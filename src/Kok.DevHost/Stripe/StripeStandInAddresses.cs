namespace Kok.DevHost.Stripe;

/// <summary>
/// The Stripe stand-in's addresses on top of <see cref="DevHostAddresses"/>: its API prefix and the webhook target.
/// </summary>
internal sealed class StripeStandInAddresses(DevHostAddresses host, IConfiguration configuration)
{
    public const string ApiPrefix = "/dev/stripe/api";
    public const string DefaultWebhookPath = "/api/stripe/webhook";

    public string BaseUrl() => host.BaseUrl();

    /// <summary>
    /// The webhook target: <c>DevHost:StripeWebhookUrl</c> (absolute, or a path on this host), by default the
    /// Functions route <c>/api/stripe/webhook</c> on this host.
    /// </summary>
    public string WebhookUrl()
    {
        var configured = configuration["DevHost:StripeWebhookUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return BaseUrl() + DefaultWebhookPath;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? configured
            : BaseUrl() + "/" + configured.TrimStart('/');
    }

    /// <summary>Base for links a browser follows: the public URL if configured, else the host the request came to.</summary>
    public string BrowserBaseUrl(HttpRequest request) => host.BrowserBaseUrl(request);
}
