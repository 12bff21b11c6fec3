using Kok.Domain.Payments;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Kok.Functions.Payments;

/// <summary>
/// <see cref="ISubscriptionGateway"/> on Stripe's subscription update (<c>POST /v1/subscriptions/{id}</c>). A new amount
/// replaces the first item's price with an inline monthly price of the same product (<c>items[0][price_data]</c>), without
/// proration, so it applies from the next invoice; a pause is <c>pause_collection</c> with behaviour <c>void</c> (invoices
/// in the pause are not collected) until <c>resumes_at</c>; an end is <c>cancel_at_period_end</c>; another payment method
/// is <c>default_payment_method</c> (one saved on the subscription's customer). The item and its
/// product are read first: Stripe replaces an item's price only when the item is named.
/// </summary>
public sealed class StripeSubscriptionChanges(
    StripeClientProvider clients,
    ILogger<StripeSubscriptionChanges> logger,
    TimeProvider? timeProvider = null) : ISubscriptionGateway
{
    private readonly StripeFailures failures = new(timeProvider);

    public async Task ChangeAsync(SubscriptionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var service = new SubscriptionService(clients.Create());
        try
        {
            var options = new SubscriptionUpdateOptions();
            if (change.NewAmountCents is { } cents)
            {
                var current = await service.GetAsync(change.SubscriptionId, cancellationToken: cancellationToken);
                var item = current.Items?.Data?.FirstOrDefault()
                    ?? throw new PaymentGatewayException($"Stripe subscription {change.SubscriptionId} has no item.");
                options.ProrationBehavior = "none";
                options.Items =
                [
                    new SubscriptionItemOptions
                    {
                        Id = item.Id,
                        PriceData = new SubscriptionItemPriceDataOptions
                        {
                            Currency = item.Price?.Currency ?? "eur",
                            Product = item.Price?.ProductId,
                            UnitAmount = cents,
                            Recurring = new SubscriptionItemPriceDataRecurringOptions { Interval = "month" },
                        },
                    },
                ];
            }

            if (change.PauseUntil is { } until)
            {
                options.PauseCollection = new SubscriptionPauseCollectionOptions { Behavior = "void", ResumesAt = until.UtcDateTime };
            }

            if (change.CancelAtPeriodEnd)
            {
                options.CancelAtPeriodEnd = true;
            }

            if (change.DefaultPaymentMethodId is { } paymentMethodId)
            {
                options.DefaultPaymentMethod = paymentMethodId;
            }

            await service.UpdateAsync(change.SubscriptionId, options, new RequestOptions { IdempotencyKey = change.IdempotencyKey }, cancellationToken);
            logger.LogInformation("Changed Stripe subscription {SubscriptionId}", change.SubscriptionId);
        }
        catch (StripeException ex)
        {
            logger.LogError(
                "Stripe refused to change subscription {SubscriptionId}: HTTP {Status}, {ErrorType}/{ErrorCode}",
                change.SubscriptionId, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            throw failures.Refused(ex, "the subscription change");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }
    }
}
