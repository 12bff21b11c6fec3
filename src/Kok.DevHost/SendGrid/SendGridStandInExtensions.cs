using Kok.DevHost.SendGrid;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kok.DevHost;

// In the DevHost namespace so DevHostApp needs no extra using: the stand-in is wired with two lines.
/// <summary>
/// Test equipment: an in-memory imitation of SendGrid's mail/send, and an outbox to read what was "sent". The
/// production adapter only sees a different <c>SendGrid:ApiBase</c>; nothing in Kok.Functions knows about this.
/// </summary>
public static class SendGridStandInExtensions
{
    public static WebApplicationBuilder AddSendGridStandIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DevHostAddresses>();
        builder.Services.AddSingleton(sp => new SendGridMailStore(
            SendGridMailStore.CapacityFrom(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<ILogger<SendGridMailStore>>()));
        builder.Services.AddSingleton<SendGridFaults>();
        return builder;
    }

    /// <summary>
    /// Maps the stand-in under <c>/dev/sendgrid</c> and the outbox under <c>/dev/mail</c>. Unless
    /// <c>SendGrid:ApiBase</c> is configured, points it at this host once Kestrel knows its address, so the real
    /// adapter's mails land here by default.
    /// </summary>
    public static WebApplication MapSendGridStandIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        SendGridApiEndpoints.Map(app);
        DevMailEndpoints.Map(app);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (string.IsNullOrWhiteSpace(app.Configuration["SendGrid:ApiBase"]))
            {
                app.Configuration["SendGrid:ApiBase"] =
                    app.Services.GetRequiredService<DevHostAddresses>().BaseUrl() + SendGridApiEndpoints.ApiPrefix;
            }
        });
        return app;
    }
}
