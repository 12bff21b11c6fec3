using Kok.DevHost.Stripe;
using Kok.Domain.Payments;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>
/// When the stand-in sends the events of an API call: before its answer by default (the order that tests the app's
/// races), after it with <see cref="StripeWebhookSender.AfterAnswerSetting"/> (production's usual order).
/// </summary>
public sealed class StripeStandInWebhookOrderTests
{
    [Fact]
    public async Task By_default_a_charge_answers_only_after_its_event_was_delivered()
    {
        await using var host = await StripeStandInHost.StartAsync();
        var method = await host.SavedDuesMethodAsync("mem_before", PaymentMethodKind.Card);

        var result = await host.Gateway.ChargeDuesAsync(DuesChargeRequest.ForPeriod("mem_before", new DateOnly(2026, 3, 1), 6000, method), CancellationToken.None);

        Assert.Equal(result.PaymentIntentId, host.Single<PaymentIntentSucceeded>().PaymentIntentId);
    }

    [Fact]
    public async Task With_webhooks_after_the_answer_a_charge_answers_while_its_event_is_still_held()
    {
        await using var host = await StripeStandInHost.StartAsync(new Dictionary<string, string?> { [StripeWebhookSender.AfterAnswerSetting] = "true" });
        var method = await host.SavedDuesMethodAsync("mem_after", PaymentMethodKind.Card);
        host.HoldWebhooks();

        var result = await host.Gateway.ChargeDuesAsync(DuesChargeRequest.ForPeriod("mem_after", new DateOnly(2026, 3, 1), 6000, method), CancellationToken.None);

        Assert.Equal(DuesChargeStatus.Succeeded, result.Status);
        Assert.Empty(host.Handler.Received.OfType<PaymentIntentSucceeded>());
        host.ReleaseWebhooks();
        await host.WaitForDeliveryAsync();
        Assert.Equal(result.PaymentIntentId, host.Single<PaymentIntentSucceeded>().PaymentIntentId);
    }

    [Fact]
    public async Task With_a_delivery_latency_the_events_follow_the_answer_later_without_holding_its_request()
    {
        await using var host = await StripeStandInHost.StartAsync(new Dictionary<string, string?>
        {
            [StripeWebhookSender.AfterAnswerSetting] = "true",
            [StripeWebhookSender.LatencySetting] = "1000",
        });
        var method = await host.SavedDuesMethodAsync("mem_late", PaymentMethodKind.Card);
        host.HoldWebhooks();
        host.ReleaseWebhooks();

        var result = await host.Gateway.ChargeDuesAsync(DuesChargeRequest.ForPeriod("mem_late", new DateOnly(2026, 3, 1), 6000, method), CancellationToken.None);

        Assert.Empty(host.Handler.Received.OfType<PaymentIntentSucceeded>());
        await host.WaitForDeliveryAsync();
        Assert.Equal(result.PaymentIntentId, host.Single<PaymentIntentSucceeded>().PaymentIntentId);
    }
}
