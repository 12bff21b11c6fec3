using Kok.DevHost.Stripe;

namespace Kok.DevHost.Web;

/// <summary>
/// Points <c>PublicBaseUrl</c> (where personal links in member mails lead) at this host once Kestrel knows its
/// address, unless configured, so the cancellation links in <c>/dev/mail</c> work locally.
/// </summary>
public static class PublicBaseUrlDefault
{
    public static WebApplication UsePublicBaseUrlDefault(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (string.IsNullOrWhiteSpace(app.Configuration["PublicBaseUrl"]))
            {
                app.Configuration["PublicBaseUrl"] = app.Services.GetRequiredService<StripeStandInAddresses>().BaseUrl();
            }
        });
        return app;
    }
}
