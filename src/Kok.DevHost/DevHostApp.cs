using Kok.DevHost.Clock;
using Kok.DevHost.Functions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Kok.DevHost.Web;
using Kok.Functions;

namespace Kok.DevHost;

/// <summary>
/// Builds the local host: the same function classes and composition root as Azure Functions, served by Kestrel.
/// Tests call <see cref="Create"/> with their own service overrides (fake clock, storage counters).
/// Address: <c>--urls</c> or <c>ASPNETCORE_URLS</c> if given, else <c>http://127.0.0.1:{DevHost:Port}</c>
/// (env <c>DevHost__Port</c>), else <see cref="DefaultUrl"/>.
/// </summary>
public static class DevHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string PortSetting = "DevHost:Port";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var port = builder.Configuration[PortSetting];
            builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(port) ? DefaultUrl : $"http://127.0.0.1:{port.Trim()}");
        }

        // DevHost's settable clock, unless the caller (a test) brought its own; AddKokBackend then keeps it.
        builder.Services.TryAddSingleton<TimeProvider>(new DevClock());
        builder.Services.AddKokBackend(builder.Configuration);
        builder.Services.AddDevHostFunctions();
        builder.AddStripeStandIn();
        builder.AddSendGridStandIn();

        var app = builder.Build();
        app.UseProblemStatusPages();
        app.UseKokForms();
        app.UseStaffSignIn();
        app.MapStripeStandIn();
        app.MapDevHostFunctions();
        app.MapSendGridStandIn();
        app.MapDevClock();
        app.UsePublicBaseUrlDefault();
        return app;
    }
}
