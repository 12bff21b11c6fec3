using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>
/// The production adapter (<see cref="ISubscriptionGateway"/> on Stripe.net) against the stand-in's
/// <c>POST /v1/subscriptions/{id}</c>: each change comes back as a signed <c>customer.subscription.updated</c> that the
/// webhook translates into what the donation needs, and the stand-in refuses what Stripe would.
/// </summary>
public sealed class StripeStandInSubscriptionUpdateTests : IAsyncLifetime
{
    private StripeStandInHost host = null!;

    public async Task InitializeAsync() => host = await StripeStandInHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Amount_pause_and_end_reach_the_webhook_as_subscription_updates_in_Stripes_shape()
    {
        var subscriptionId = await MonthlyAsync();
        var gateway = host.App.Services.GetRequiredService<ISubscriptionGateway>();

        await gateway.ChangeAsync(new SubscriptionChange(subscriptionId, "change-1") { NewAmountCents = 2500 }, CancellationToken.None);
        var resumes = host.Clock.GetUtcNow().AddMonths(2);
        await gateway.ChangeAsync(new SubscriptionChange(subscriptionId, "change-2") { PauseUntil = resumes }, CancellationToken.None);
        await gateway.ChangeAsync(new SubscriptionChange(subscriptionId, "change-3") { CancelAtPeriodEnd = true }, CancellationToken.None);

        var updates = host.Handler.Received.OfType<SubscriptionUpdated>().ToList();
        Assert.Equal(3, updates.Count);
        Assert.Equal((2500L, false, false), (updates[0].AmountCents!.Value, updates[0].CollectionPaused, updates[0].CancelAtPeriodEnd));
        Assert.Equal(SubscriptionState.Active, updates[0].State);
        Assert.Equal((true, resumes.ToUnixTimeSeconds()), (updates[1].CollectionPaused, updates[1].CollectionResumesAt!.Value.ToUnixTimeSeconds()));
        Assert.True(updates[2].CancelAtPeriodEnd);
        Assert.NotNull(updates[2].CurrentPeriodEnd);
        var subscription = await new global::Stripe.SubscriptionService(host.StripeClient()).GetAsync(subscriptionId);
        Assert.Equal(2500, subscription.Items.Data[0].Price.UnitAmount);
        Assert.Equal("void", subscription.PauseCollection.Behavior);
        Assert.True(subscription.CancelAtPeriodEnd);
        var events = (await host.GetAsync("/dev/stripe/events?type=customer.subscription.updated"))["data"]!.AsArray();
        Assert.NotNull(events[0]!["payload"]!["data"]!["previous_attributes"]!["items"]);
        Assert.Null(events[1]!["payload"]!["data"]!["previous_attributes"]!["pause_collection"]);
    }

    [Theory]
    [InlineData("metadata[x]=1", "metadata[x]")]
    [InlineData("items[0][price_data][unit_amount]=500&items[0][price_data][currency]=eur&items[0][price_data][product]=prod_x&items[0][price_data][recurring][interval]=month", "items[0][id]")]
    [InlineData("pause_collection[behavior]=sleep", "pause_collection[behavior]")]
    [InlineData("cancel_at_period_end=yes", "cancel_at_period_end")]
    public async Task An_update_Stripe_would_refuse_is_a_400_naming_the_parameter_and_changes_nothing(string form, string param)
    {
        var subscriptionId = await MonthlyAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dev/stripe/api/v1/subscriptions/{subscriptionId}")
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StripeStandInHost.SecretKey);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(param, (string)error["param"]!);
        Assert.Empty(host.Handler.Received.OfType<SubscriptionUpdated>());
    }

    private async Task<string> MonthlyAsync()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_change", 1000, DonationInterval.Monthly, PaymentMethodKind.Card, "spender@example.org", "de"),
            CancellationToken.None);
        await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });
        return host.Single<CheckoutCompleted>().SubscriptionId!;
    }
}
