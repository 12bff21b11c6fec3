using Azure.Monitor.OpenTelemetry.Exporter;
using Kok.Functions;
using Kok.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseKokMiddleware();
builder.Services.AddKokBackend(builder.Configuration);

// Telemetry only where Azure provides Application Insights (host.json "telemetryMode": "OpenTelemetry"); it stays out
// of AddKokBackend so DevHost and local runs never try to reach Azure Monitor.
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    // With Entra ID auth (local auth off on the component) the exporter sends with the managed identity's token.
    var credential = ApplicationInsightsAuthentication.Credential(builder.Configuration[ApplicationInsightsAuthentication.SettingName]);
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .UseAzureMonitorExporter(options =>
        {
            // Rate-limited sampling keeps every trace at KOK's volume and caps ingestion (cost) if a burst or attack comes.
            options.TracesPerSecond = 1;
            options.Credential = credential;
        });
}

builder.Build().Run();
