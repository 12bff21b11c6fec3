using Azure.Monitor.OpenTelemetry.Exporter;
using Kok.Functions;
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
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        // Rate-limited sampling keeps every trace at KOK's volume and caps ingestion (cost) if a burst or attack comes.
        .UseAzureMonitorExporter(options => options.TracesPerSecond = 1);
}

builder.Build().Run();
