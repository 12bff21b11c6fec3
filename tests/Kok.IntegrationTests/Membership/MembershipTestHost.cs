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
/// Only the HTTP functions are loaded (host.json's "functions" list), so the mail messages stay on their queues
/// for the tests to take.
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
                    ["AzureFunctionsJobHost:functions:0"] = "CreateMembership",
                    ["AzureFunctionsJobHost:functions:1"] = "GetMembership",
                    ["AzureFunctionsJobHost:functions:2"] = "ShowMembershipCancellation",
                    ["AzureFunctionsJobHost:functions:3"] = "CancelMembership",
                    ["AzureFunctionsJobHost:functions:4"] = "StripeWebhook",
                    [StorageQueueSender.FollowUpDelaySetting] = "0",
                });
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddSingleton<HttpPipelinePolicy>(counter);
            });
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

}
