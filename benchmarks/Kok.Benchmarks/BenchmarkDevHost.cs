using Azure.Core.Pipeline;
using Kok.DevHost;
using Kok.Functions.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kok.Benchmarks;

/// <summary>
/// DevHost in this process on a free loopback port, with only the functions a benchmark drives, quiet logging, a
/// rate limit out of the way, and a <see cref="StorageTransactionCounter"/> and a <see cref="StorageTimer"/> on every storage client the app makes.
/// </summary>
internal sealed class BenchmarkDevHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchmarkDevHost(WebApplication app, Uri baseAddress, StorageTransactionCounter counter, StorageTimer timer)
    {
        _app = app;
        BaseAddress = baseAddress;
        Transactions = counter;
        StorageTime = timer;
    }

    public Uri BaseAddress { get; }

    public StorageTransactionCounter Transactions { get; }

    public StorageTimer StorageTime { get; }

    public IConfiguration Configuration => _app.Configuration;

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchmarkDevHost> StartAsync(
        string storageConnectionString,
        IReadOnlyList<string> functions,
        IReadOnlyDictionary<string, string?>? extraSettings = null,
        Action<IServiceCollection>? extraServices = null)
    {
        var counter = new StorageTransactionCounter();
        var timer = new StorageTimer();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["RateLimit:PermitLimit"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Azure"] = "Warning",
        };
        for (var i = 0; i < functions.Count; i++)
        {
            settings[$"AzureFunctionsJobHost:functions:{i}"] = functions[i];
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The content root is the output folder, so DevHost's appsettings.json is found from any working directory.
        var app = DevHostApp.Create(["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<HttpPipelinePolicy>(counter);
            builder.Services.AddSingleton<HttpPipelinePolicy>(timer);
            extraServices?.Invoke(builder.Services);
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
        return new BenchmarkDevHost(app, new Uri(address.TrimEnd('/') + "/"), counter, timer);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
