using System.Net;
using System.Net.Sockets;
using Kok.DevHost.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.DevHost.Tests;

/// <summary>
/// DevHost on a free loopback port with this assembly's sample functions, for tests that need no storage: it points
/// at a closed port, so only HTTP, timer and admin paths are exercised here (Azurite tests live in Kok.IntegrationTests).
/// </summary>
internal sealed class TestDevHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestDevHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static string UnreachableStorage()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
               "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
               $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;" +
               $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public static async Task<TestDevHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null)
    {
        var app = DevHostApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = UnreachableStorage(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.Configure<FunctionHostOptions>(o => o.Assemblies.Add(typeof(TestDevHost).Assembly));
            configureServices?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestDevHost(app, new Uri(address));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="timeout"/> (default 10 s).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
