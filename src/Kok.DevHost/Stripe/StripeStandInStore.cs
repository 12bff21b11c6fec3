using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// The stand-in's checkout and settlement, and what the API reads of sessions, payment intents and mandates, on the
/// shared memory (<see cref="StripeStandInState"/>). Subscriptions' renewals and ends are in
/// <see cref="StandInSubscriptions"/>, off-session charges in <see cref="StandInOffSessionCharges"/>, refunds and other
/// money that comes back in <see cref="StandInMoneyBack"/>.
/// </summary>
internal sealed partial class StripeStandInStore(StripeStandInState state)
{
    public DateTimeOffset Now => state.Now;

    public IReadOnlyList<StandInEvent> Events() => state.Events();

    public StandInEvent Event(string id) => state.Event(id);

    public IReadOnlyList<StandInDelivery> Deliveries(StandInEvent stripeEvent) => state.Deliveries(stripeEvent);

    public JsonObject AddSession(StandInSession session)
    {
        lock (state.Gate)
        {
            if (session.CustomerId is { } customerId && !state.Customers.ContainsKey(customerId))
            {
                throw new StandInException(400, $"No such customer: '{customerId}'", "customer", "resource_missing");
            }

            state.Sessions.Add(session.Id, session);
            return StripeObjectJson.Session(session);
        }
    }

    public JsonObject SessionJson(string id)
    {
        lock (state.Gate)
        {
            var session = state.FindSession(id);
            state.ExpireIfDue(session);
            return StripeObjectJson.Session(session);
        }
    }

    /// <summary>
    /// <c>GET /v1/payment_intents/{id}</c>. Before checkout completes there is no payment method yet, as with Stripe;
    /// <paramref name="expand"/> may name <c>payment_method</c> and <c>latest_charge</c>.
    /// </summary>
    public JsonObject PaymentIntentJson(string id, IReadOnlySet<string> expand)
    {
        lock (state.Gate)
        {
            var paymentIntent = state.FindPaymentIntent(id);
            var session = paymentIntent.SessionId is { } sid && state.Sessions.TryGetValue(sid, out var found) ? found : null;
            var used = session is null || session.Status == "complete";
            JsonNode? method = !used ? null
                : expand.Contains("payment_method") ? StripeObjectJson.PaymentMethod(paymentIntent)
                : JsonValue.Create(paymentIntent.PaymentMethodId);
            JsonNode? charge = paymentIntent.ChargeId is not { } chargeId ? null
                : expand.Contains("latest_charge") ? StripeChargeJson.Charge(state.Charges[chargeId])
                : JsonValue.Create(chargeId);
            return StripeObjectJson.PaymentIntent(paymentIntent, method, charge);
        }
    }

    /// <summary><c>GET /v1/mandates/{id}</c>: a mandate a SEPA payment created, or one of the seeding tool's.</summary>
    public JsonObject MandateJson(string id)
    {
        lock (state.Gate)
        {
            state.AdoptSeededMandate(id);
            return state.Mandates.TryGetValue(id, out var mandate) ? StripeChargeJson.Mandate(mandate) : throw StripeStandInState.Missing("mandate", id);
        }
    }

    /// <summary>
    /// A copy of the session's current state for display, with the payment intent its completion made (for a
    /// subscription: its first invoice's), so a pending SEPA debit can be settled from the page.
    /// </summary>
    public (StandInSession Session, string Status, string PaymentStatus, string? PaymentIntentId, string? PaymentIntentStatus) SessionView(string id)
    {
        lock (state.Gate)
        {
            var session = state.FindSession(id);
            state.ExpireIfDue(session);
            var paymentIntent = state.PaymentIntentOf(session.Id);
            return (session, session.Status, session.PaymentStatus, paymentIntent?.Id, paymentIntent?.Status);
        }
    }

    /// <summary>The payment intent a checkout session, an invoice or a payment intent id stands for; null if none.</summary>
    public string? PaymentIntentIdOf(string id)
    {
        lock (state.Gate)
        {
            return state.PaymentIntentOf(id)?.Id;
        }
    }

    /// <summary>
    /// The supporter finishes (or abandons) the hosted checkout. Card: succeeded pays at once; failed is a decline
    /// shown on the checkout page, which stays open (no event, as with Stripe). SEPA: checkout always completes
    /// unpaid; "processing" leaves the debit pending for <see cref="Settle"/>, "succeeded"/"failed" settle it at once.
    /// "canceled" is the supporter leaving through the back link: no event, back to the cancel URL.
    /// </summary>
    public StandInAction Complete(string sessionId, string outcome, string? paymentMethod, string declinedPageUrl)
    {
        lock (state.Gate)
        {
            var s = state.FindSession(sessionId);
            state.ExpireIfDue(s);
            if (s.Status != "open")
            {
                throw new StandInException(400, $"Checkout Session {s.Id} is {s.Status}; it can no longer be completed.", code: "checkout_session_not_open");
            }

            var method = string.IsNullOrEmpty(paymentMethod) ? s.PaymentMethodTypes[0] : paymentMethod;
            if (!s.PaymentMethodTypes.Contains(method))
            {
                throw new StandInException(400, $"Payment method '{method}' is not allowed for this session.", "paymentMethod");
            }

            var sepa = method == "sepa_debit";
            if (s.IsSetup)
            {
                return CompleteSetup(s, outcome, method, declinedPageUrl);
            }

            switch (outcome)
            {
                case "canceled":
                    return Redirect(s, s.CancelUrl ?? s.CheckoutUrl, []);
                case "failed" when !sepa:
                    return Redirect(s, declinedPageUrl, []);
                case "processing" when !sepa:
                    throw new StandInException(400, "Only SEPA Direct Debit payments stay processing; card payments succeed or fail at once.", "outcome");
                case "succeeded" or "failed" or "processing":
                    break;
                default:
                    throw new StandInException(400, $"Unknown outcome '{outcome}'. Use succeeded, failed, processing or canceled.", "outcome");
            }

            var now = state.Now;
            var produced = new List<StandInEvent>();
            s.Status = "complete";
            s.PaymentMethodType = method;
            s.PaymentStatus = sepa ? "unpaid" : "paid";

            StandInPaymentIntent paymentIntent;
            if (s.IsSubscription)
            {
                var subscription = new StandInSubscription
                {
                    Id = StripeIds.New("sub_1"),
                    CustomerId = s.CustomerId ?? StripeIds.New("cus_", 14),
                    ItemId = StripeIds.New("si_", 14),
                    PriceId = StripeIds.New("price_1"),
                    ProductId = StripeIds.New("prod_", 14),
                    AmountCents = s.AmountCents,
                    Currency = s.Currency,
                    PaymentMethodType = method,
                    PaymentMethodId = StripeIds.New("pm_1"),
                    Metadata = new(s.SubscriptionMetadata),
                    Created = now,
                    ProductName = s.ProductName,
                    CustomerEmail = s.CustomerEmail,
                    CurrentPeriodStart = now,
                    CurrentPeriodEnd = now.AddMonths(1),
                };
                state.Subscriptions.Add(subscription.Id, subscription);
                state.SaveOnCustomer(subscription.CustomerId, subscription.PaymentMethodId, method);
                var invoice = state.NewInvoice(subscription, "subscription_create", now, now.AddMonths(1), s.Id);
                paymentIntent = state.PaymentIntents[invoice.PaymentIntentId];
                s.CustomerId = subscription.CustomerId;
                s.SubscriptionId = subscription.Id;
                s.InvoiceId = invoice.Id;
                if (!sepa)
                {
                    state.Succeed(paymentIntent);
                    state.MarkPaid(invoice);
                }

                produced.Add(state.Emit("checkout.session.completed", StripeObjectJson.Session(s)));
                if (!sepa)
                {
                    produced.AddRange(state.EmitInvoicePaid(invoice, subscription));
                }
            }
            else
            {
                // customer_creation=always: checkout makes a customer, on which setup_future_usage saves the method.
                if (s.CustomerCreation == "always")
                {
                    s.CustomerId = StripeIds.New("cus_", 14);
                }

                paymentIntent = state.NewPaymentIntent(new(s.AmountCents, method, new(s.PaymentIntentMetadata))
                {
                    SessionId = s.Id, CustomerId = s.CustomerId, SetupFutureUsage = s.SetupFutureUsage,
                });
                s.PaymentIntentId = paymentIntent.Id;
                if (s.CustomerId is { } customerId)
                {
                    state.SaveOnCustomer(customerId, s.SetupFutureUsage is null ? null : paymentIntent.PaymentMethodId, method);
                }

                if (!sepa)
                {
                    state.Succeed(paymentIntent);
                }

                produced.Add(state.Emit("checkout.session.completed", StripeObjectJson.Session(s)));
            }

            if (sepa && outcome != "processing")
            {
                produced.AddRange(SettleLocked(paymentIntent, outcome));
            }

            var body = SessionBody(s, s.ResolvedSuccessUrl);
            body["paymentIntentId"] = paymentIntent.Id;
            body["chargeId"] = paymentIntent.ChargeId;
            return new StandInAction(body, produced);
        }
    }

    /// <summary>
    /// A pending SEPA debit (first payment or a renewal) settles or bounces. <paramref name="id"/> is the payment
    /// intent's, or what the checkout page and the events show for it: the checkout session or the invoice.
    /// </summary>
    public StandInAction Settle(string id, string outcome)
    {
        lock (state.Gate)
        {
            var paymentIntent = state.PaymentIntentOf(id) ?? throw StripeStandInState.Missing("payment_intent", id, "intent");
            var produced = SettleLocked(paymentIntent, outcome);
            var body = StripeStandInState.PaymentIntentBody(paymentIntent);
            body["id"] = paymentIntent.Id;
            body["object"] = "payment_intent";
            body["sessionId"] = paymentIntent.SessionId ?? state.SessionOfInvoice(paymentIntent.InvoiceId);
            return new StandInAction(body, produced);
        }
    }

    private List<StandInEvent> SettleLocked(StandInPaymentIntent paymentIntent, string outcome)
    {
        if (paymentIntent.Status != "processing")
        {
            throw new StandInException(400, $"PaymentIntent {paymentIntent.Id} is {paymentIntent.Status}, not processing.");
        }

        var produced = new List<StandInEvent>();
        var session = paymentIntent.SessionId is { } sid && state.Sessions.TryGetValue(sid, out var found) ? found : null;
        var invoice = paymentIntent.InvoiceId is { } iid ? state.Invoices[iid] : null;
        var subscription = invoice is null ? null : state.Subscriptions[invoice.SubscriptionId];

        switch (outcome)
        {
            case "succeeded":
                state.Succeed(paymentIntent);
                if (session is not null)
                {
                    session.PaymentStatus = "paid";
                    produced.Add(state.Emit("checkout.session.async_payment_succeeded", StripeObjectJson.Session(session)));
                }

                if (invoice is not null)
                {
                    state.MarkPaid(invoice);
                    produced.AddRange(state.EmitInvoicePaid(invoice, subscription!));
                }

                if (paymentIntent.OffSession)
                {
                    produced.Add(state.Emit("payment_intent.succeeded", StripeStandInState.PaymentIntentObject(paymentIntent)));
                }

                break;

            case "failed":
                StripeStandInState.Fail(paymentIntent, "insufficient_funds", null, "The account has insufficient funds to cover this payment.");
                if (paymentIntent.ChargeId is { } chargeId)
                {
                    state.Charges[chargeId].Status = "failed";
                }

                if (paymentIntent.OffSession)
                {
                    produced.Add(state.Emit("payment_intent.payment_failed", StripeStandInState.PaymentIntentObject(paymentIntent)));
                }

                if (session is not null)
                {
                    produced.Add(state.Emit("checkout.session.async_payment_failed", StripeObjectJson.Session(session)));
                }

                if (invoice is not null)
                {
                    subscription!.Status = "past_due";
                    produced.Add(state.Emit("invoice.payment_failed", StripeBillingJson.Invoice(invoice, subscription)));
                }

                break;

            default:
                throw new StandInException(400, $"Unknown outcome '{outcome}'. Use succeeded or failed.", "outcome");
        }

        return produced;
    }

    private static StandInAction Redirect(StandInSession s, string url, IReadOnlyList<StandInEvent> produced) =>
        new(SessionBody(s, url), produced);

    private static JsonObject SessionBody(StandInSession s, string redirectUrl) => new()
    {
        ["redirectUrl"] = redirectUrl,
        ["sessionId"] = s.Id,
        ["sessionStatus"] = s.Status,
        ["paymentStatus"] = s.PaymentStatus,
        ["subscriptionId"] = s.SubscriptionId,
        ["invoiceId"] = s.InvoiceId,
        ["customerId"] = s.CustomerId,
    };
}
