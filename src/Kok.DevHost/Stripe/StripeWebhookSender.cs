using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Posts events to the webhook the way Stripe does: raw JSON body, header
/// <c>Stripe-Signature: t={unix},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c> with <c>Stripe:WebhookSecret</c>.
/// Each attempt is signed afresh, so a resend carries a current timestamp, as Stripe's retries do.
/// </summary>
internal sealed class StripeWebhookSender(
    IHttpClientFactory httpClientFactory,
    StripeStandInState store,
    StripeStandInAddresses addresses,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<StripeWebhookSender> logger)
{
    public const string HttpClientName = "StripeStandInWebhooks";

    public async Task<StandInDelivery> DeliverAsync(StandInEvent stripeEvent, CancellationToken cancellationToken)
    {
        var secret = configuration["Stripe:WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException("Configuration value 'Stripe:WebhookSecret' is missing.");
        }

        var url = addresses.WebhookUrl();
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(stripeEvent.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(stripeEvent.Payload, now, secret));
        request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");

        StandInDelivery delivery;
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            delivery = new StandInDelivery(now, url, (int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            delivery = new StandInDelivery(now, url, 0, ex.Message);
        }

        logger.LogInformation(
            "Stripe stand-in sent {EventType} {EventId} to {Url}: {Status}",
            stripeEvent.Type, stripeEvent.Id, url, delivery.Status);
        store.RecordDelivery(stripeEvent, delivery);
        return delivery;
    }

    /// <summary>Setting: true sends an API call's events after its answer has gone out, false (default) before it.</summary>
    public const string AfterAnswerSetting = "DevHost:StripeWebhooksAfterAnswer";

    /// <summary>
    /// The events an API call caused. Stripe sends them asynchronously, so either order reaches the app. By default they
    /// go out before the answer, the order that tests the app's races (the webhook settles a charge its caller has not
    /// recorded yet); with <see cref="AfterAnswerSetting"/> they go out once the answer has been sent, the usual order in
    /// production, which the dues benchmark measures.
    /// </summary>
    public Task DeliverForAnswerAsync(IReadOnlyList<StandInEvent> events, HttpContext context)
    {
        if (!configuration.GetValue<bool>(AfterAnswerSetting))
        {
            return DeliverAllAsync(events, context.RequestAborted);
        }

        var latency = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue<int>(LatencySetting), 0, 60 * 60 * 1000));
        context.Response.OnCompleted(() => latency == TimeSpan.Zero ? DeliverAllAsync(events, CancellationToken.None) : DeliverLater(events, latency));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Setting (milliseconds, default 0): with <see cref="AfterAnswerSetting"/>, how long after the answer the events go
    /// out. Stripe's deliveries take their own time (typically a second or more), so in production the caller has
    /// usually saved the answer before the webhook comes; 0 sends them at once, which makes both settle the same
    /// charge concurrently. Real time, not the host's clock, as the network's delay is.
    /// </summary>
    public const string LatencySetting = "DevHost:StripeWebhookLatencyMs";

    private Task DeliverLater(IReadOnlyList<StandInEvent> events, TimeSpan latency)
    {
        // Not awaited: the response's completion callbacks hold its connection until they finish.
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(latency);
                await DeliverAllAsync(events, CancellationToken.None);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or TaskCanceledException)
            {
                logger.LogWarning("Stripe stand-in dropped {Count} late events: the host stopped ({Error}).", events.Count, ex.GetType().Name);
            }
        });
        return Task.CompletedTask;
    }

    public async Task DeliverAllAsync(IEnumerable<StandInEvent> events, CancellationToken cancellationToken)
    {
        foreach (var stripeEvent in events)
        {
            await DeliverAsync(stripeEvent, cancellationToken);
        }
    }

    public static string Sign(string payload, DateTimeOffset at, string secret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }
}
