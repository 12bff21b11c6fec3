using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kok.DevHost.Functions;

/// <summary>Logs the hosted functions once the server listens, as Core Tools prints them on start.</summary>
internal sealed class FunctionListing(
    FunctionCatalog catalog,
    HostJsonSettings hostJson,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<FunctionListing> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Log()
    {
        var baseAddress = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? string.Empty;
        var resolver = new AppSettingResolver(configuration);
        var text = new StringBuilder();
        text.Append("host.json: ").Append(hostJson.SourcePath ?? "(none found, defaults)").AppendLine();
        text.Append("Functions:");
        foreach (var function in catalog.Functions)
        {
            text.AppendLine().Append("  ").Append(function.Name).Append(": ");
            text.Append(function.Trigger switch
            {
                FunctionTriggerKind.Http =>
                    $"[{string.Join(",", function.HttpTrigger!.Methods?.Select(m => m.ToUpperInvariant()) ?? ["ANY"])}] " +
                    baseAddress + HttpFunctionEndpoints.RoutePattern(hostJson.RoutePrefix, function),
                FunctionTriggerKind.Queue => $"queueTrigger '{TryResolve(resolver, function.QueueTrigger!.QueueName)}'",
                _ => $"timerTrigger '{TryResolve(resolver, function.TimerTrigger!.Schedule)}'",
            });
            if (catalog.IsDisabled(function))
            {
                text.Append(" (disabled)");
            }
        }

        text.AppendLine().Append("Run a non-HTTP function now: POST ").Append(baseAddress).Append("/admin/functions/{name} {\"input\":\"...\"}");
        logger.LogInformation("{Listing}", text.ToString());
    }

    private static string TryResolve(AppSettingResolver resolver, string value)
    {
        try
        {
            return resolver.Resolve(value, "the function listing");
        }
        catch (InvalidOperationException)
        {
            return value;
        }
    }
}
