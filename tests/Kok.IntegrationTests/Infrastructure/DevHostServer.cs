using Kok.Functions.Storage;
using System.Globalization;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Kok.DevHost;
using Kok.DevHost.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// DevHost running for a test: <see cref="DevHostApp"/> on Kestrel at a free loopback port (real HTTP, so browsers
/// and webhook senders can reach it too), against Azurite, with the test's service and setting overrides.
/// <code>
/// await using var server = await DevHostServer.StartAsync(o => o.Clock = new FakeTimeProvider(start));
/// var response = await server.Client.GetAsync("/api/health");
/// await Eventually.WaitUntilAsync(() => server.Timers.CompletedScheduledRuns("DuesRun") == 1, "dues ran");
/// </code>
/// </summary>
public sealed class DevHostServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly IReadOnlyCollection<string> _onlyFunctions;

    private DevHostServer(WebApplication app, Uri baseAddress, string storageConnectionString, IReadOnlyCollection<string> onlyFunctions)
    {
        _app = app;
        _onlyFunctions = onlyFunctions;
        BaseAddress = baseAddress;
        StorageConnectionString = storageConnectionString;
        // As patient as the storage budget of test hosts (DevHostServerOptions.SharedEmulatorBudget): on a busy machine a
        // request has been seen to take over 30 s while the shared emulator was slow, and a person would wait too.
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>Where DevHost listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/> (disposed with the server).</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public string StorageConnectionString { get; }

    /// <summary>Schedule status of the timer functions (what each waits for next, how many scheduled runs finished).</summary>
    public TimerScheduleMonitor Timers => Services.GetRequiredService<TimerScheduleMonitor>();

    public static async Task<DevHostServer> StartAsync(Action<DevHostServerOptions>? configure = null)
    {
        var options = new DevHostServerOptions();
        configure?.Invoke(options);

        var app = DevHostApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings(options));
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            if (options.Logs is { } logs)
            {
                builder.Logging.AddProvider(logs);
                builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            }
            if (options.Clock is { } clock)
            {
                builder.Services.AddSingleton(clock);
            }

            builder.Services.AddSingleton(options.InteractiveStorageBudget);
            builder.Services.AddSingleton(DeferredRefreshes.Recorder);
            if (options.TransactionCounter is { } counter)
            {
                builder.Services.AddSingleton<HttpPipelinePolicy>(counter);
            }

            builder.Services.Configure<FunctionHostOptions>(o =>
            {
                foreach (var assembly in options.FunctionAssemblies)
                {
                    o.Assemblies.Add(assembly);
                }
            });
            options.ConfigureServices?.Invoke(builder.Services);
        });

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevHostServer(app, new Uri(address.TrimEnd('/') + "/"), options.StorageConnectionString, [.. options.OnlyFunctions]);
    }

    /// <summary>Whether this host runs <paramref name="function"/> (all functions run unless the options named some).</summary>
    public bool Runs(string function) => _onlyFunctions.Count == 0 || _onlyFunctions.Contains(function, StringComparer.Ordinal);

    /// <summary>A client for a queue on the test storage (Base64, as the app writes).</summary>
    public QueueClient Queue(string name) => TestQueues.Client(StorageConnectionString, name);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Settings(DevHostServerOptions options)
    {
        const string queues = "AzureFunctionsJobHost:extensions:queues:";
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = options.StorageConnectionString,
            [queues + "maxPollingInterval"] = options.MaxPollingInterval.ToString("c", CultureInfo.InvariantCulture),
            [queues + "visibilityTimeout"] = options.VisibilityTimeout.ToString("c", CultureInfo.InvariantCulture),

            // Tests look for a use case's mail requests on the queue right after its answer; the delay has its own test
            // (FollowUpDelayTests), and a test may set it back.
            [StorageQueueSender.FollowUpDelaySetting] = "0",
        };
        if (options.MaxDequeueCount is { } maxDequeueCount)
        {
            settings[queues + "maxDequeueCount"] = maxDequeueCount.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < options.OnlyFunctions.Count; i++)
        {
            settings[$"AzureFunctionsJobHost:functions:{i}"] = options.OnlyFunctions[i];
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
