using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Payments;
using Kok.Functions.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Stripe;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>
/// The real DevHost on a free loopback port, with the stand-in's webhooks routed to a test endpoint that records
/// the raw request and runs the real <see cref="StripeWebhookFunction"/> (with the real translator) against a
/// recording domain handler.
/// </summary>
internal sealed class StripeStandInHost : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin_tests_0001";
    public const string WebhookSecret = "whsec_standin_tests_0001";
    public const string SuccessUrl = "https://www.kok.example/spenden/danke";
    public const string CancelUrl = "https://www.kok.example/spenden";
    private const string WebhookPath = "/test/stripe/webhook";

    private readonly Lock gate = new();
    private readonly List<WebhookDelivery> deliveries = [];
    private readonly SemaphoreSlim delivered = new(0);
    private TaskCompletionSource? held;

    private StripeStandInHost(WebApplication app, FakeTimeProvider clock, RecordingPaymentEventHandler handler)
    {
        App = app;
        Clock = clock;
        Handler = handler;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingPaymentEventHandler Handler { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public HttpClient Http { get; private set; } = null!;

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (gate)
            {
                return [.. deliveries];
            }
        }
    }

    public IPaymentGateway Gateway => App.Services.GetRequiredService<IPaymentGateway>();

    public StripeClient StripeClient(string apiKey = SecretKey) =>
        new(new StripeClientOptions { ApiKey = apiKey, ApiBase = BaseUrl + "/dev/stripe/api" });

    /// <param name="settings">Extra settings, e.g. <see cref="StripeWebhookSender.AfterAnswerSetting"/>.</param>
    public static async Task<StripeStandInHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingPaymentEventHandler();
        var app = DevHostApp.Create(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Stripe:SecretKey"] = SecretKey,
                    ["Stripe:WebhookSecret"] = WebhookSecret,
                    ["Website:SuccessUrl"] = SuccessUrl,
                    ["Website:CancelUrl"] = CancelUrl,
                    ["DevHost:StripeWebhookUrl"] = WebhookPath,
                });
                builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddMvcCore();
            });

        var host = new StripeStandInHost(app, clock, handler);
        app.MapPost(WebhookPath, host.ReceiveAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = address.TrimEnd('/');
        host.Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        return host;
    }

    public async Task<JsonObject> PostAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync(path, body ?? new { });
        var json = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public async Task<JsonObject> GetAsync(string path) =>
        (JsonObject)JsonNode.Parse(await Http.GetStringAsync(path))!;

    /// <summary>Webhook requests wait unanswered from now until <see cref="ReleaseWebhooks"/>.</summary>
    public void HoldWebhooks()
    {
        held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (delivered.Wait(0))
        {
            // Forget the deliveries answered so far: WaitForDeliveryAsync counts from here.
        }
    }

    public void ReleaseWebhooks() => held?.TrySetResult();

    /// <summary>Waits until one more webhook request has been answered (at most 30 s).</summary>
    public async Task WaitForDeliveryAsync() =>
        Assert.True(await delivered.WaitAsync(TimeSpan.FromSeconds(30)), "a webhook request was answered within 30 s");

    /// <summary>A member's first year through the membership checkout, which saves the payment method for dues.</summary>
    public async Task<SavedPaymentMethod> SavedDuesMethodAsync(string memberId, PaymentMethodKind kind)
    {
        var checkout = await Gateway.CreateMembershipCheckoutAsync(
            new MembershipCheckoutRequest(memberId, 6000, kind, "member@example.org", "de"), CancellationToken.None);
        var completion = await PostAsync(
            $"/dev/stripe/checkout/{checkout.SessionId}/complete",
            new { outcome = "succeeded", paymentMethod = kind == PaymentMethodKind.Card ? "card" : "sepa_debit" });
        var method = await Gateway.GetSavedPaymentMethodAsync(
            completion["paymentIntentId"]!.GetValue<string>(), CancellationToken.None);
        Assert.NotNull(method);
        return method;
    }

    public T Single<T>()
        where T : PaymentEvent => Assert.Single(Handler.Received.OfType<T>());

    public async ValueTask DisposeAsync()
    {
        ReleaseWebhooks();
        Http?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        if (held is { } hold)
        {
            await hold.Task;
        }

        context.Request.EnableBuffering();
        var payload = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;

        // Built by hand so the recording handler is used whatever the composition root registers for the domain.
        var function = new StripeWebhookFunction(
            context.RequestServices.GetRequiredService<StripeEventTranslator>(),
            Handler,
            context.RequestServices.GetRequiredService<ILogger<StripeWebhookFunction>>());
        var result = await function.Run(context.Request, context.RequestAborted);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));

        lock (gate)
        {
            deliveries.Add(new WebhookDelivery(payload, context.Request.Headers["Stripe-Signature"].ToString(), context.Response.StatusCode));
        }

        delivered.Release();
    }
}
