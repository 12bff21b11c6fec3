using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Kok.DevHost;
using Kok.DevHost.Web;
using Kok.Functions.Membership;
using Kok.Functions.Payments;
using Kok.Functions.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Membership;

/// <summary>
/// The real DevHost on a free loopback port, on the Azurite of <c>AzureWebJobsStorage</c>, with a fake clock, a
/// storage transaction counter, the website forms and the Stripe stand-in.
/// <para>
/// Until DevHost hosts the functions by their attributes (the lead is merging that runtime), this host maps the
/// membership functions and the Stripe webhook onto their Functions routes by hand (<see cref="MapFunctionsByHand"/>).
/// Once the runtime is in, delete that method: the routes would otherwise be mapped twice.
/// </para>
/// </summary>
internal sealed class MembershipTestHost : IAsyncDisposable
{
    public const string StaffToken = "membership-tests-staff-token";

    private MembershipTestHost(WebApplication app, FakeTimeProvider clock, StorageTransactionCounter counter)
    {
        App = app;
        Clock = clock;
        Counter = counter;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public StorageTransactionCounter Counter { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public HttpClient Http { get; private set; } = null!;

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static string? ConnectionString => Environment.GetEnvironmentVariable("AzureWebJobsStorage");

    public static async Task<MembershipTestHost> StartAsync(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        var counter = new StorageTransactionCounter();
        var app = DevHostApp.Create(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = ConnectionString,
                    ["RateLimit:PermitLimit"] = "1000",
                    ["Staff:DevToken"] = StaffToken,
                });
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddSingleton<HttpPipelinePolicy>(counter);
                builder.Services.AddMvcCore();
            });
        app.UseKokForms();
        MapFunctionsByHand(app);
        await app.StartAsync();

        var host = new MembershipTestHost(app, clock, counter);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = address.TrimEnd('/');
        host.Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        return host;
    }

    public async Task<JsonObject> PostJsonAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>Takes every message now on <paramref name="queue"/> (JSON, base64 on the wire as host.json says).</summary>
    public static async Task<IReadOnlyList<JsonObject>> DrainAsync(string queue)
    {
        var client = new QueueClient(ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await client.CreateIfNotExistsAsync();
        var messages = new List<JsonObject>();
        while (true)
        {
            var batch = (await client.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add((JsonObject)JsonNode.Parse(message.Body.ToString())!);
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static void MapFunctionsByHand(WebApplication app)
    {
        app.MapMethods("/api/memberships", ["POST", "OPTIONS"], (HttpContext c) =>
            Run(c, Functions(c).Create(c.Request, c.RequestAborted)));
        app.MapGet("/api/memberships/{id}", (HttpContext c, string id) =>
            Run(c, Functions(c).Get(c.Request, id, c.RequestAborted)));
        app.MapGet("/api/memberships/{id}/cancel", (HttpContext c, string id) =>
            Run(c, Functions(c).ShowCancellation(c.Request, id, c.RequestAborted)));
        app.MapPost("/api/memberships/{id}/cancel", (HttpContext c, string id) =>
            Run(c, Functions(c).Cancel(c.Request, id, c.RequestAborted)));
        app.MapPost("/api/stripe/webhook", (HttpContext c) =>
            Run(c, ActivatorUtilities.CreateInstance<StripeWebhookFunction>(c.RequestServices).Run(c.Request, c.RequestAborted)));
    }

    private static MembershipFunctions Functions(HttpContext context) =>
        ActivatorUtilities.CreateInstance<MembershipFunctions>(context.RequestServices);

    private static async Task Run(HttpContext context, Task<IActionResult> action)
    {
        var result = await action;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
