using Kok.DevHost.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.DevHost.Tests;

/// <summary>When the queue listeners begin to poll relative to the web server that serves DevHost's stand-ins.</summary>
public class QueueTriggerHostTests
{
    private static WebApplication Create() =>
        DevHostApp.Create(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = TestDevHost.UnreachableStorage(),
                ["Logging:LogLevel:Default"] = "Warning",
                ["AzureFunctionsJobHost:functions:0"] = "ReceiptMail",
            }));

    [Fact]
    public async Task Listeners_do_not_poll_while_the_hosted_services_start_only_once_the_host_has_started()
    {
        await using var app = Create();
        var queues = app.Services.GetRequiredService<QueueTriggerHost>();

        await queues.StartAsync(CancellationToken.None);
        var duringStart = queues.RunningListeners;
        await queues.StartedAsync(CancellationToken.None);
        var afterStart = queues.RunningListeners;
        await queues.StopAsync(CancellationToken.None);

        Assert.Equal(0, duringStart);
        Assert.Equal(1, afterStart);
    }

    [Fact]
    public async Task When_the_host_has_started_the_server_has_its_address_and_the_listeners_poll()
    {
        await using var app = Create();

        await app.StartAsync();
        try
        {
            Assert.NotEmpty(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
            Assert.Equal(1, app.Services.GetRequiredService<QueueTriggerHost>().RunningListeners);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
