using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.DevHost.Tests;

public class DevHostAppTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static WebApplication Create(string[] args, Dictionary<string, string?> settings) =>
        DevHostApp.Create(args, builder =>
        {
            settings["AzureWebJobsStorage"] = TestDevHost.UnreachableStorage();
            builder.Configuration.AddInMemoryCollection(settings);
        });

    private static async Task<string> ListeningAddressAsync(WebApplication app)
    {
        await app.StartAsync();
        try
        {
            return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_settings_DevHost_listens_where_Core_Tools_would()
    {
        await using var app = Create([], []);

        Assert.Equal("http://127.0.0.1:7071", app.Configuration["urls"]);
    }

    [Fact]
    public async Task The_DevHost_Port_setting_chooses_the_loopback_port()
    {
        var port = FreePort();

        var address = await ListeningAddressAsync(Create([], new() { [DevHostApp.PortSetting] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal($"http://127.0.0.1:{port}", address);
    }

    [Fact]
    public async Task The_urls_argument_wins_over_the_port_setting()
    {
        var port = FreePort();

        var address = await ListeningAddressAsync(Create(["--urls", $"http://127.0.0.1:{port}"], new() { [DevHostApp.PortSetting] = "1" }));

        Assert.Equal($"http://127.0.0.1:{port}", address);
    }
}
