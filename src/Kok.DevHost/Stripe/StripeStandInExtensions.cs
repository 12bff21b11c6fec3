using Kok.DevHost.Stripe;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kok.DevHost;

// In the DevHost namespace so DevHostApp needs no extra using: the stand-in is wired with two lines.
/// <summary>
/// Test equipment: an in-memory imitation of the parts of Stripe the backend uses, so the DevHost runs offline.
/// The production adapter only sees a different <c>Stripe:ApiBase</c>; nothing in Kok.Functions knows about this.
/// </summary>
public static class StripeStandInExtensions
{
    public static WebApplicationBuilder AddStripeStandIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(StripeWebhookSender.HttpClientName);
        builder.Services.AddSingleton<StripeStandInState>();
        builder.Services.AddSingleton<StripeStandInStore>();
        builder.Services.AddSingleton<StandInSubscriptions>();
        builder.Services.AddSingleton<StandInOffSessionCharges>();
        builder.Services.AddSingleton<StandInMoneyBack>();
        builder.Services.AddSingleton<StripeIdempotencyCache>();
        builder.Services.TryAddSingleton<DevHostAddresses>();
        builder.Services.AddSingleton<StripeStandInAddresses>();
        builder.Services.AddSingleton<StripeWebhookSender>();
        return builder;
    }

    /// <summary>
    /// Maps the stand-in under <c>/dev/stripe</c>. Unless <c>Stripe:ApiBase</c> is configured, points it at this
    /// host once Kestrel knows its address, so the real adapter talks to the stand-in by default.
    /// </summary>
    public static WebApplication MapStripeStandIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        StripeApiEndpoints.Map(app);
        StripeSimulationEndpoints.Map(app);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<StripeStandInAddresses>();
            if (string.IsNullOrWhiteSpace(app.Configuration["Stripe:ApiBase"]))
            {
                app.Configuration["Stripe:ApiBase"] = addresses.BaseUrl() + StripeStandInAddresses.ApiPrefix;
            }

            // Checkout returns the browser to DevHost's own thank-you and cancel pages (web/), unless configured.
            if (string.IsNullOrWhiteSpace(app.Configuration["Website:SuccessUrl"]))
            {
                app.Configuration["Website:SuccessUrl"] = addresses.BaseUrl() + "/success.html";
            }

            if (string.IsNullOrWhiteSpace(app.Configuration["Website:CancelUrl"]))
            {
                app.Configuration["Website:CancelUrl"] = addresses.BaseUrl() + "/cancel.html";
            }
        });
        return app;
    }
}
