using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>A subscription's life after checkout: its monthly invoices, its changes (amount, pause, planned end) and its end.</summary>
internal sealed class StandInSubscriptions(StripeStandInState state)
{
    /// <summary>The subscription's next monthly invoice: card is paid at once, SEPA stays processing until settled.</summary>
    public StandInAction Renew(string subscriptionId)
    {
        lock (state.Gate)
        {
            var subscription = state.FindSubscription(subscriptionId);
            if (subscription.Status != "active")
            {
                throw new StandInException(400, $"Subscription {subscription.Id} is {subscription.Status}; only active subscriptions renew.");
            }

            // What the subscription's changes say about this renewal: the planned end comes instead of it; a paused
            // collection skips it (Stripe voids that invoice) until the pause's resumes_at, then resumes by itself.
            if (subscription.CancelAtPeriodEnd)
            {
                return EndAtPeriodEnd(subscription);
            }

            var resumed = new List<StandInEvent>();
            if (subscription.PauseBehavior is not null)
            {
                if (subscription.PauseResumesAt is not { } resumes || subscription.CurrentPeriodEnd < resumes)
                {
                    return SkipPaused(subscription);
                }

                if (Change(subscription, s => (s.PauseBehavior, s.PauseResumesAt) = (null, null)) is { } cleared)
                {
                    resumed.Add(cleared);
                }
            }

            var invoice = state.NextPeriodInvoice(subscription);
            var (start, end) = (invoice.ServicePeriodStart, invoice.ServicePeriodEnd);
            var paymentIntent = state.PaymentIntents[invoice.PaymentIntentId];
            var produced = resumed;
            if (subscription.PaymentMethodType != "sepa_debit")
            {
                state.Succeed(paymentIntent);
                state.MarkPaid(invoice);
                produced.AddRange(state.EmitInvoicePaid(invoice, subscription));
            }

            var body = StripeStandInState.PaymentIntentBody(paymentIntent);
            body["subscriptionId"] = subscription.Id;
            body["periodStart"] = StripeObjectJson.Unix(start);
            body["periodEnd"] = StripeObjectJson.Unix(end);
            return new StandInAction(body, produced);
        }
    }

    /// <summary>
    /// <c>POST /v1/subscriptions/{id}</c>: applies <paramref name="update"/> and sends <c>customer.subscription.updated</c>
    /// with <c>previous_attributes</c> naming what changed (none when nothing did, as Stripe). Answers the subscription.
    /// </summary>
    public StandInAction Update(string subscriptionId, StandInSubscriptionUpdate update)
    {
        lock (state.Gate)
        {
            var subscription = state.FindSubscription(subscriptionId);
            update.CheckAgainst(
                subscription, state.Now, state.Customers.TryGetValue(subscription.CustomerId, out var saved) ? saved : new Dictionary<string, string>());
            var updated = Change(subscription, s =>
            {
                if (update.UnitAmount is { } amount && amount != s.AmountCents)
                {
                    // An inline price_data always makes a new price, as Stripe does.
                    s.AmountCents = amount;
                    s.PriceId = StripeIds.New("price_1");
                }

                if (update.ClearPause)
                {
                    (s.PauseBehavior, s.PauseResumesAt) = (null, null);
                }
                else if (update.PauseBehavior is { } behavior)
                {
                    (s.PauseBehavior, s.PauseResumesAt) = (behavior, update.PauseResumesAt);
                }

                s.CancelAtPeriodEnd = update.CancelAtPeriodEnd ?? s.CancelAtPeriodEnd;
                if (update.DefaultPaymentMethod is { } method)
                {
                    // Renewals from now on are charged on it (card at once, SEPA processing until settled).
                    (s.PaymentMethodId, s.PaymentMethodType) = (method, saved![method]);
                }
            });
            return new StandInAction(StripeBillingJson.Subscription(subscription), updated is null ? [] : [updated]);
        }
    }

    public StandInAction Cancel(string subscriptionId)
    {
        lock (state.Gate)
        {
            var subscription = state.FindSubscription(subscriptionId);
            if (subscription.Status == "canceled")
            {
                throw new StandInException(400, $"Subscription {subscription.Id} is already canceled.");
            }

            subscription.Status = "canceled";
            subscription.CanceledAt = state.Now;
            var deleted = state.Emit(
                "customer.subscription.deleted",
                StripeBillingJson.Subscription(subscription),
                requestId: StripeIds.New("req_", 14));
            var body = new JsonObject { ["subscriptionId"] = subscription.Id, ["status"] = subscription.Status };
            return new StandInAction(body, [deleted]);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> and, when the subscription's JSON changed, emits <c>customer.subscription.updated</c>
    /// whose <c>previous_attributes</c> hold the former values of the top-level fields that changed; else null.
    /// </summary>
    private StandInEvent? Change(StandInSubscription subscription, Action<StandInSubscription> change)
    {
        var before = StripeBillingJson.Subscription(subscription);
        change(subscription);
        var after = StripeBillingJson.Subscription(subscription);
        var previous = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (!JsonNode.DeepEquals(value, after[key]))
            {
                previous[key] = value?.DeepClone();
            }
        }

        return previous.Count == 0 ? null : state.Emit("customer.subscription.updated", after, previous, requestId: StripeIds.New("req_", 14));
    }

    /// <summary>The period with cancel_at_period_end is over: the subscription ends instead of renewing.</summary>
    private StandInAction EndAtPeriodEnd(StandInSubscription subscription)
    {
        subscription.Status = "canceled";
        subscription.CanceledAt = state.Now;
        subscription.CancellationReason = "cancellation_requested";
        var deleted = state.Emit("customer.subscription.deleted", StripeBillingJson.Subscription(subscription));
        var body = new JsonObject { ["subscriptionId"] = subscription.Id, ["status"] = subscription.Status, ["renewed"] = false };
        return new StandInAction(body, [deleted]);
    }

    /// <summary>A renewal inside a pause: the period moves on, nothing is invoiced or charged.</summary>
    private static StandInAction SkipPaused(StandInSubscription subscription)
    {
        subscription.CurrentPeriodStart = subscription.CurrentPeriodEnd;
        subscription.CurrentPeriodEnd = subscription.CurrentPeriodStart.AddMonths(1);
        var body = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["status"] = subscription.Status,
            ["renewed"] = false,
            ["skipped"] = "paused",
            ["periodStart"] = StripeObjectJson.Unix(subscription.CurrentPeriodStart),
            ["periodEnd"] = StripeObjectJson.Unix(subscription.CurrentPeriodEnd),
        };
        return new StandInAction(body, []);
    }
}
