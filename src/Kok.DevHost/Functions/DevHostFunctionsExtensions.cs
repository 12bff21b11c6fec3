using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kok.DevHost.Functions;

/// <summary>Wires the function runtime into DevHost: discovery, HTTP routes, queue and timer triggers, admin API.</summary>
public static class DevHostFunctionsExtensions
{
    public static IServiceCollection AddDevHostFunctions(this IServiceCollection services)
    {
        // IActionResult executors (ObjectResult, JsonResult, ...) with System.Text.Json, camelCase: as in the worker's
        // ASP.NET Core integration. Only DevHost registers MVC; the functions themselves stay host-agnostic.
        services.AddMvcCore();
        services.AddOptions<FunctionHostOptions>();
        services.TryAddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return HostJsonSettings.Load(HostJsonLocator.Find(configuration), configuration);
        });
        services.TryAddSingleton<FunctionCatalog>();
        services.TryAddSingleton<FunctionExecutions>();
        services.TryAddSingleton<FunctionInvoker>();
        services.TryAddSingleton<TimerScheduleMonitor>();
        services.TryAddSingleton<QueueTriggerHost>();
        services.TryAddSingleton<TimerTriggerHost>();
        services.TryAddSingleton<BackgroundInvocations>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueTriggerHost>());
        services.AddHostedService(sp => sp.GetRequiredService<TimerTriggerHost>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundInvocations>());
        services.AddHostedService<FunctionListing>();

        // Last, so that storage is provisioned and the shared warm-up has run (AddKokBackend comes first).
        services.AddHostedService<HttpWarmUp>();
        return services;
    }

    /// <summary>Discovers the functions (failing fast on ones DevHost cannot host) and maps their endpoints.</summary>
    public static WebApplication MapDevHostFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        HttpFunctionEndpoints.Map(app, catalog, app.Services.GetRequiredService<HostJsonSettings>());
        AdminFunctionEndpoint.Map(app);
        return app;
    }
}
