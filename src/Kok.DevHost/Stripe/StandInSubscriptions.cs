using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>A subscription's life after checkout: its monthly invoices and its end.</summary>
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
                throw new StandInException(400, $"Subscription {subscription.Id} is {subscription.Status}; only active state.Subscriptions renew.");
            }

            var invoice = state.NextPeriodInvoice(subscription);
            var (start, end) = (invoice.ServicePeriodStart, invoice.ServicePeriodEnd);
            var paymentIntent = state.PaymentIntents[invoice.PaymentIntentId];
            var produced = new List<StandInEvent>();
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
}
