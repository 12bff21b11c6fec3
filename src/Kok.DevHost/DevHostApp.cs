using Kok.Functions;

namespace Kok.DevHost;

/// <summary>
/// Builds the local host: the same function classes and composition root as Azure Functions, served by Kestrel.
/// Tests call <see cref="Create"/> with their own service overrides (fake clock, storage counters).
/// </summary>
public static class DevHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        builder.Services.AddKokBackend(builder.Configuration);
        builder.AddStripeStandIn();

        var app = builder.Build();
        app.MapStripeStandIn();
        Web.PublicBaseUrlDefault.UsePublicBaseUrlDefault(app);
        return app;
    }
}
