using System.Globalization;
using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Money that does not arrive or comes back, played as Stripe reports it: a refund staff make, a dispute of a paid
/// charge and its decision,
/// a SEPA debit returned after it had succeeded, a subscription invoice whose payment fails, and the subscription
/// cancelled after the retries. Every action emits Stripe's events for it, in Stripe's order.
/// </summary>
internal sealed class StandInMoneyBack(StripeStandInState state)
{
    private readonly Dictionary<string, StandInDispute> disputes = new(StringComparer.Ordinal);

    /// <summary>Refunds (part of) a charge, as staff would in the Dashboard; <paramref name="amountCents"/> null = the rest.</summary>
    public StandInAction Refund(string chargeId, long? amountCents)
    {
        lock (state.Gate)
        {
            if (!state.Charges.TryGetValue(chargeId, out var charge))
            {
                throw StripeStandInState.Missing("charge", chargeId);
            }

            return RefundLocked(charge, amountCents);
        }
    }

    public StandInAction RefundPaymentIntent(string paymentIntentId, long? amountCents)
    {
        lock (state.Gate)
        {
            var paymentIntent = state.FindPaymentIntent(paymentIntentId);
            if (paymentIntent.ChargeId is null || !state.Charges.TryGetValue(paymentIntent.ChargeId, out var charge))
            {
                throw new StandInException(400, $"PaymentIntent {paymentIntentId} has no charge to refund.");
            }

            return RefundLocked(charge, amountCents);
        }
    }

    /// <summary>The payer's bank reclaims the paid charge: <c>charge.dispute.created</c>, then <c>…funds_withdrawn</c>.</summary>
    public StandInAction Dispute(string paymentIntentId, string reason)
    {
        lock (state.Gate)
        {
            var charge = SucceededCharge(paymentIntentId);
            if (charge.DisputeId is not null)
            {
                throw new StandInException(400, $"Charge {charge.Id} has already been disputed.", code: "charge_disputed");
            }

            var dispute = new StandInDispute
            {
                Id = StripeIds.New("dp_1"),
                ChargeId = charge.Id,
                PaymentIntentId = charge.PaymentIntentId,
                AmountCents = charge.AmountCents - charge.AmountRefundedCents,
                Reason = reason,
                PaymentMethodType = charge.PaymentMethodType,
                Created = state.Now,
            };
            disputes.Add(dispute.Id, dispute);
            charge.DisputeId = dispute.Id;
            StandInEvent[] produced =
            [
                state.Emit("charge.dispute.created", StripeChargeJson.Dispute(dispute)),
                state.Emit("charge.dispute.funds_withdrawn", StripeChargeJson.Dispute(dispute)),
            ];
            return new StandInAction(Body(dispute), produced);
        }
    }

    /// <summary>The dispute is decided: <c>charge.dispute.closed</c>, and for a won one <c>…funds_reinstated</c>.</summary>
    public StandInAction CloseDispute(string paymentIntentId, string status)
    {
        if (status is not ("won" or "lost"))
        {
            throw new StandInException(400, $"Unknown status '{status}'. Use won or lost.", "status");
        }

        lock (state.Gate)
        {
            var paymentIntent = state.PaymentIntentOf(paymentIntentId) ?? throw StripeStandInState.Missing("payment_intent", paymentIntentId, "intent");
            var dispute = disputes.Values.FirstOrDefault(d => d.PaymentIntentId == paymentIntent.Id)
                ?? throw new StandInException(400, $"PaymentIntent {paymentIntentId} has no dispute.", "intent");
            if (dispute.Status != "needs_response")
            {
                throw new StandInException(400, $"Dispute {dispute.Id} is already {dispute.Status}.");
            }

            var previous = new JsonObject { ["status"] = dispute.Status };
            dispute.Status = status;
            var produced = new List<StandInEvent> { state.Emit("charge.dispute.closed", StripeChargeJson.Dispute(dispute), previous) };
            if (status == "won")
            {
                produced.Add(state.Emit("charge.dispute.funds_reinstated", StripeChargeJson.Dispute(dispute)));
            }

            return new StandInAction(Body(dispute), produced);
        }
    }

    /// <summary>A succeeded SEPA debit comes back from the payer's bank: the charge fails, <c>charge.failed</c>.</summary>
    public StandInAction Return(string paymentIntentId, string failureCode)
    {
        lock (state.Gate)
        {
            var charge = SucceededCharge(paymentIntentId);
            if (charge.PaymentMethodType != "sepa_debit")
            {
                throw new StandInException(400, "Only SEPA Direct Debit payments can be returned after they succeeded; a card payment is disputed.");
            }

            var previous = new JsonObject { ["status"] = charge.Status, ["paid"] = true, ["failure_code"] = null };
            charge.Status = "failed";
            charge.FailureCode = failureCode;
            var failed = state.Emit("charge.failed", StripeChargeJson.Charge(charge), previous);
            var body = new JsonObject
            {
                ["paymentIntentId"] = charge.PaymentIntentId, ["chargeId"] = charge.Id, ["status"] = charge.Status, ["failureCode"] = failureCode,
            };
            return new StandInAction(body, [failed]);
        }
    }

    /// <summary>
    /// The subscription's next invoice fails (card declined or expired, debit refused): the payment intent and charge
    /// fail with <paramref name="failureCode"/>, Stripe will try again, the subscription is past due.
    /// Events: <c>charge.failed</c>, <c>payment_intent.payment_failed</c>, <c>invoice.payment_failed</c>, and
    /// <c>customer.subscription.updated</c> the first time it becomes past due.
    /// </summary>
    public StandInAction RenewFailed(string subscriptionId, string failureCode)
    {
        lock (state.Gate)
        {
            var subscription = state.FindSubscription(subscriptionId);
            if (subscription.Status is not ("active" or "past_due"))
            {
                throw new StandInException(400, $"Subscription {subscription.Id} is {subscription.Status}; only active or past-due subscriptions renew.");
            }

            var invoice = state.NextPeriodInvoice(subscription);
            invoice.NextPaymentAttempt = state.Now.AddDays(3);
            var paymentIntent = state.PaymentIntents[invoice.PaymentIntentId];
            StripeStandInState.Fail(paymentIntent, failureCode, failureCode, "The payment failed.");
            var charge = paymentIntent.ChargeId is { } id ? state.Charges[id] : state.AddCharge(paymentIntent, paymentIntent.Id[4..]);
            charge.Status = "failed";
            charge.FailureCode = failureCode;

            var produced = new List<StandInEvent>
            {
                state.Emit("charge.failed", StripeChargeJson.Charge(charge)),
                state.Emit("payment_intent.payment_failed", StripeStandInState.PaymentIntentObject(paymentIntent)),
                state.Emit("invoice.payment_failed", StripeBillingJson.Invoice(invoice, subscription)),
            };
            if (subscription.Status == "active")
            {
                subscription.Status = "past_due";
                produced.Add(state.Emit(
                    "customer.subscription.updated", StripeBillingJson.Subscription(subscription), new JsonObject { ["status"] = "active" }));
            }

            var body = StripeStandInState.PaymentIntentBody(paymentIntent);
            body["subscriptionId"] = subscription.Id;
            body["failureCode"] = failureCode;
            return new StandInAction(body, produced);
        }
    }

    /// <summary>Stripe gives up after its retries: the subscription is cancelled (<c>payment_failed</c>), <c>customer.subscription.deleted</c>.</summary>
    public StandInAction GiveUp(string subscriptionId)
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
            subscription.CancellationReason = "payment_failed";
            if (subscription.LatestInvoiceId is { } latest && state.Invoices[latest].Status != "paid")
            {
                state.Invoices[latest].NextPaymentAttempt = null;
            }

            var deleted = state.Emit("customer.subscription.deleted", StripeBillingJson.Subscription(subscription));
            var body = new JsonObject
            {
                ["subscriptionId"] = subscription.Id, ["status"] = subscription.Status, ["cancellationReason"] = subscription.CancellationReason,
            };
            return new StandInAction(body, [deleted]);
        }
    }

    private StandInCharge SucceededCharge(string paymentIntentId)
    {
        var paymentIntent = state.PaymentIntentOf(paymentIntentId) ?? throw StripeStandInState.Missing("payment_intent", paymentIntentId, "intent");
        if (paymentIntent.ChargeId is not { } chargeId || state.Charges[chargeId] is not { Status: "succeeded" } charge)
        {
            throw new StandInException(400, $"PaymentIntent {paymentIntentId} has no succeeded charge.", "intent");
        }

        return charge;
    }

    private static JsonObject Body(StandInDispute dispute) => new()
    {
        ["disputeId"] = dispute.Id,
        ["paymentIntentId"] = dispute.PaymentIntentId,
        ["chargeId"] = dispute.ChargeId,
        ["status"] = dispute.Status,
        ["reason"] = dispute.Reason,
    };

    private StandInAction RefundLocked(StandInCharge charge, long? amountCents)
    {
        if (charge.Status != "succeeded")
        {
            throw new StandInException(400, $"Charge {charge.Id} is {charge.Status}; only succeeded charges can be refunded.");
        }

        var remaining = charge.AmountCents - charge.AmountRefundedCents;
        var amount = amountCents ?? remaining;
        if (remaining <= 0)
        {
            throw new StandInException(400, $"Charge {charge.Id} has already been refunded.", code: "charge_already_refunded");
        }

        if (amount <= 0 || amount > remaining)
        {
            throw new StandInException(
                400,
                string.Create(CultureInfo.InvariantCulture, $"Refund amount ({amount}) must be positive and at most the unrefunded amount ({remaining})."),
                "amount");
        }

        var previous = new JsonObject { ["amount_refunded"] = charge.AmountRefundedCents };
        charge.AmountRefundedCents += amount;
        if (charge.Refunded)
        {
            previous["refunded"] = false;
        }

        var refunded = state.Emit("charge.refunded", StripeChargeJson.Charge(charge), previous, StripeIds.New("req_", 14));
        var body = new JsonObject
        {
            ["chargeId"] = charge.Id,
            ["paymentIntentId"] = charge.PaymentIntentId,
            ["amountRefunded"] = charge.AmountRefundedCents,
            ["refunded"] = charge.Refunded,
        };
        return new StandInAction(body, [refunded]);
    }
}
