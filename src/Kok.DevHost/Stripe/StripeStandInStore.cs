using System.Globalization;
using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// The stand-in's memory: sessions, payment intents, charges, subscriptions, invoices and the events they caused.
/// All state changes happen under one lock and render their event payloads immediately, so each event is a snapshot
/// of the object at that moment, as with Stripe. Sending the events is left to the caller, outside the lock.
/// Customers and the payment methods saved on them exist only as a result of checkout (or a subscription).
/// </summary>
internal sealed class StripeStandInStore(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StandInSession> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandInPaymentIntent> paymentIntents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandInCharge> charges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandInSubscription> subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandInInvoice> invoices = new(StringComparer.Ordinal);
    private readonly List<StandInEvent> events = [];

    /// <summary>Mandate id → mandate; SEPA payment method id → the mandate its debits are collected under.</summary>
    private readonly Dictionary<string, StandInMandate> mandates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> methodMandates = new(StringComparer.Ordinal);

    /// <summary>Customer id → the payment methods saved on it (id → type).</summary>
    private readonly Dictionary<string, Dictionary<string, string>> customers = new(StringComparer.Ordinal);

    /// <summary>Member id → the outcome forced on that member's next off-session charge.</summary>
    private readonly Dictionary<string, string> nextCharges = new(StringComparer.Ordinal);
    private int rateLimitedRequests;

    public DateTimeOffset Now => time.GetUtcNow();

    public JsonObject AddSession(StandInSession session)
    {
        lock (gate)
        {
            if (session.CustomerId is { } customerId && !customers.ContainsKey(customerId))
            {
                throw new StandInException(400, $"No such customer: '{customerId}'", "customer", "resource_missing");
            }

            sessions.Add(session.Id, session);
            return StripeObjectJson.Session(session);
        }
    }

    public JsonObject SessionJson(string id)
    {
        lock (gate)
        {
            var session = FindSession(id);
            ExpireIfDue(session);
            return StripeObjectJson.Session(session);
        }
    }

    /// <summary>
    /// <c>GET /v1/payment_intents/{id}</c>. Before checkout completes there is no payment method yet, as with Stripe;
    /// <paramref name="expand"/> may name <c>payment_method</c> and <c>latest_charge</c>.
    /// </summary>
    public JsonObject PaymentIntentJson(string id, IReadOnlySet<string> expand)
    {
        lock (gate)
        {
            var paymentIntent = FindPaymentIntent(id);
            var session = paymentIntent.SessionId is { } sid && sessions.TryGetValue(sid, out var found) ? found : null;
            var used = session is null || session.Status == "complete";
            JsonNode? method = !used ? null
                : expand.Contains("payment_method") ? StripeObjectJson.PaymentMethod(paymentIntent)
                : JsonValue.Create(paymentIntent.PaymentMethodId);
            JsonNode? charge = paymentIntent.ChargeId is not { } chargeId ? null
                : expand.Contains("latest_charge") ? StripeObjectJson.Charge(charges[chargeId])
                : JsonValue.Create(chargeId);
            return StripeObjectJson.PaymentIntent(paymentIntent, method, charge);
        }
    }

    /// <summary><c>GET /v1/mandates/{id}</c>: a mandate a SEPA payment created, or one of the seeding tool's.</summary>
    public JsonObject MandateJson(string id)
    {
        lock (gate)
        {
            AdoptSeededMandate(id);
            return mandates.TryGetValue(id, out var mandate) ? StripeObjectJson.Mandate(mandate) : throw Missing("mandate", id);
        }
    }

    /// <summary>
    /// A copy of the session's current state for display, with the payment intent its completion made (for a
    /// subscription: its first invoice's), so a pending SEPA debit can be settled from the page.
    /// </summary>
    public (StandInSession Session, string Status, string PaymentStatus, string? PaymentIntentId, string? PaymentIntentStatus) SessionView(string id)
    {
        lock (gate)
        {
            var session = FindSession(id);
            ExpireIfDue(session);
            var paymentIntent = PaymentIntentOf(session.Id);
            return (session, session.Status, session.PaymentStatus, paymentIntent?.Id, paymentIntent?.Status);
        }
    }

    /// <summary>The payment intent a checkout session, an invoice or a payment intent id stands for; null if none.</summary>
    public string? PaymentIntentIdOf(string id)
    {
        lock (gate)
        {
            return PaymentIntentOf(id)?.Id;
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
        lock (gate)
        {
            var s = FindSession(sessionId);
            ExpireIfDue(s);
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

            var now = Now;
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
                subscriptions.Add(subscription.Id, subscription);
                SaveOnCustomer(subscription.CustomerId, subscription.PaymentMethodId, method);
                var invoice = NewInvoice(subscription, "subscription_create", now, now.AddMonths(1), s.Id);
                paymentIntent = paymentIntents[invoice.PaymentIntentId];
                s.CustomerId = subscription.CustomerId;
                s.SubscriptionId = subscription.Id;
                s.InvoiceId = invoice.Id;
                if (!sepa)
                {
                    Succeed(paymentIntent);
                    MarkPaid(invoice);
                }

                produced.Add(Emit("checkout.session.completed", StripeObjectJson.Session(s)));
                if (!sepa)
                {
                    produced.Add(Emit("invoice.paid", StripeObjectJson.Invoice(invoice, subscription)));
                }
            }
            else
            {
                // customer_creation=always: checkout makes a customer, on which setup_future_usage saves the method.
                if (s.CustomerCreation == "always")
                {
                    s.CustomerId = StripeIds.New("cus_", 14);
                }

                paymentIntent = NewPaymentIntent(
                    s.AmountCents, method, new(s.PaymentIntentMetadata), s.Id, null, s.CustomerId, s.SetupFutureUsage);
                s.PaymentIntentId = paymentIntent.Id;
                if (s.CustomerId is { } customerId)
                {
                    SaveOnCustomer(customerId, s.SetupFutureUsage is null ? null : paymentIntent.PaymentMethodId, method);
                }

                if (!sepa)
                {
                    Succeed(paymentIntent);
                }

                produced.Add(Emit("checkout.session.completed", StripeObjectJson.Session(s)));
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
        lock (gate)
        {
            var paymentIntent = PaymentIntentOf(id) ?? throw Missing("payment_intent", id, "intent");
            var produced = SettleLocked(paymentIntent, outcome);
            var body = PaymentIntentBody(paymentIntent);
            body["id"] = paymentIntent.Id;
            body["object"] = "payment_intent";
            body["sessionId"] = paymentIntent.SessionId ?? SessionOfInvoice(paymentIntent.InvoiceId);
            return new StandInAction(body, produced);
        }
    }

    /// <summary>The subscription's next monthly invoice: card is paid at once, SEPA stays processing until settled.</summary>
    public StandInAction Renew(string subscriptionId)
    {
        lock (gate)
        {
            var subscription = FindSubscription(subscriptionId);
            if (subscription.Status != "active")
            {
                throw new StandInException(400, $"Subscription {subscription.Id} is {subscription.Status}; only active subscriptions renew.");
            }

            var start = subscription.CurrentPeriodEnd;
            var end = start.AddMonths(1);
            subscription.CurrentPeriodStart = start;
            subscription.CurrentPeriodEnd = end;
            var invoice = NewInvoice(subscription, "subscription_cycle", start, end, sessionId: null);
            var paymentIntent = paymentIntents[invoice.PaymentIntentId];
            var produced = new List<StandInEvent>();
            if (subscription.PaymentMethodType != "sepa_debit")
            {
                Succeed(paymentIntent);
                MarkPaid(invoice);
                produced.Add(Emit("invoice.paid", StripeObjectJson.Invoice(invoice, subscription)));
            }

            var body = PaymentIntentBody(paymentIntent);
            body["subscriptionId"] = subscription.Id;
            body["periodStart"] = StripeObjectJson.Unix(start);
            body["periodEnd"] = StripeObjectJson.Unix(end);
            return new StandInAction(body, produced);
        }
    }

    public StandInAction Cancel(string subscriptionId)
    {
        lock (gate)
        {
            var subscription = FindSubscription(subscriptionId);
            if (subscription.Status == "canceled")
            {
                throw new StandInException(400, $"Subscription {subscription.Id} is already canceled.");
            }

            subscription.Status = "canceled";
            subscription.CanceledAt = Now;
            var deleted = Emit(
                "customer.subscription.deleted",
                StripeObjectJson.Subscription(subscription),
                requestId: StripeIds.New("req_", 14));
            var body = new JsonObject { ["subscriptionId"] = subscription.Id, ["status"] = subscription.Status };
            return new StandInAction(body, [deleted]);
        }
    }

    /// <summary>Refunds (part of) a charge, as staff would in the Dashboard; <paramref name="amountCents"/> null = the rest.</summary>
    public StandInAction Refund(string chargeId, long? amountCents)
    {
        lock (gate)
        {
            if (!charges.TryGetValue(chargeId, out var charge))
            {
                throw Missing("charge", chargeId);
            }

            return RefundLocked(charge, amountCents);
        }
    }

    public StandInAction RefundPaymentIntent(string paymentIntentId, long? amountCents)
    {
        lock (gate)
        {
            var paymentIntent = FindPaymentIntent(paymentIntentId);
            if (paymentIntent.ChargeId is null || !charges.TryGetValue(paymentIntent.ChargeId, out var charge))
            {
                throw new StandInException(400, $"PaymentIntent {paymentIntentId} has no charge to refund.");
            }

            return RefundLocked(charge, amountCents);
        }
    }

    /// <summary>
    /// <c>POST /v1/payment_intents</c> with <c>confirm=true&amp;off_session=true</c>: charges a payment method saved on
    /// the customer. Without a forced outcome a card succeeds and a SEPA debit stays processing until settled. A forced
    /// decline or authentication answers 402 with Stripe's <c>card_error</c>, the payment intent inside.
    /// </summary>
    /// <returns>The HTTP status (200 or 402), the answer (payment intent or error) and the events.</returns>
    public (int Status, StandInAction Action) CreatePaymentIntent(StandInChargeRequest request)
    {
        lock (gate)
        {
            AdoptSeeded(request.CustomerId, request.PaymentMethodId);
            if (!customers.TryGetValue(request.CustomerId, out var saved))
            {
                throw new StandInException(400, $"No such customer: '{request.CustomerId}'", "customer", "resource_missing");
            }

            if (!saved.TryGetValue(request.PaymentMethodId, out var type))
            {
                throw new StandInException(400, $"No such PaymentMethod: '{request.PaymentMethodId}'", "payment_method", "resource_missing");
            }

            if (request.PaymentMethodTypes.Count > 0 && !request.PaymentMethodTypes.Contains(type))
            {
                throw new StandInException(
                    400,
                    $"The PaymentMethod provided ({type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: {string.Join(", ", request.PaymentMethodTypes)}.",
                    "payment_method",
                    "payment_intent_incompatible_payment_method");
            }

            var memberId = request.Metadata.GetValueOrDefault("memberId");
            var outcome = memberId is not null && nextCharges.Remove(memberId, out var forced)
                ? forced
                : type == "sepa_debit" ? "processing" : "succeed";
            var paymentIntent = NewPaymentIntent(
                request.AmountCents, type, request.Metadata, null, null, request.CustomerId,
                paymentMethodId: request.PaymentMethodId, description: request.Description, idempotencyKey: request.IdempotencyKey);

            switch (outcome)
            {
                case "succeed":
                    Succeed(paymentIntent);
                    var succeeded = Emit("payment_intent.succeeded", PaymentIntentObject(paymentIntent));
                    return (200, new StandInAction(PaymentIntentObject(paymentIntent), [succeeded]));

                case "processing":
                    return (200, new StandInAction(PaymentIntentObject(paymentIntent), []));

                default:
                    var authenticate = outcome == "authenticate";
                    if (authenticate)
                    {
                        Fail(paymentIntent, "authentication_required", "authentication_required", "Your card was declined. This transaction requires authentication.");
                    }
                    else
                    {
                        Fail(paymentIntent, "card_declined", "generic_decline", "Your card was declined.");
                    }

                    if (paymentIntent.ChargeId is { } chargeId)
                    {
                        charges[chargeId].Status = "failed";
                    }

                    var failed = Emit("payment_intent.payment_failed", PaymentIntentObject(paymentIntent));
                    var error = StripeObjectJson.CardError(paymentIntent, PaymentIntentObject(paymentIntent), StripeObjectJson.PaymentMethod(paymentIntent));
                    return (402, new StandInAction(error, [failed]));
            }
        }
    }

    /// <summary>Forces the outcome of the member's next off-session charge: succeed, decline, authenticate or processing.</summary>
    public void ForceNextCharge(string memberId, string outcome)
    {
        if (outcome is not ("succeed" or "decline" or "authenticate" or "processing"))
        {
            throw new StandInException(400, $"Unknown outcome '{outcome}'. Use succeed, decline, authenticate or processing.", "outcome");
        }

        lock (gate)
        {
            nextCharges[memberId] = outcome;
        }
    }

    /// <summary>The next <paramref name="count"/> payment intent creations answer 429 (replaces an earlier count).</summary>
    public void RateLimitNext(int count)
    {
        if (count < 0)
        {
            throw new StandInException(400, "count must not be negative.", "count");
        }

        lock (gate)
        {
            rateLimitedRequests = count;
        }
    }

    /// <summary>True when this request is one of the rate-limited ones (and counts it).</summary>
    public bool TakeRateLimit()
    {
        lock (gate)
        {
            if (rateLimitedRequests <= 0)
            {
                return false;
            }

            rateLimitedRequests--;
            return true;
        }
    }

    /// <summary>
    /// Payment intents, oldest first: by default those created through the API (off-session charges); with
    /// <paramref name="source"/> "checkout" those checkout made, "invoice" those of subscription invoices, "all" every one.
    /// </summary>
    public JsonArray PaymentIntents(string? memberId, string? source)
    {
        lock (gate)
        {
            var wanted = source ?? "api";
            if (wanted is not ("api" or "checkout" or "invoice" or "all"))
            {
                throw new StandInException(400, $"Unknown source '{wanted}'. Use api, checkout, invoice or all.", "source");
            }

            var list = new JsonArray();
            foreach (var p in paymentIntents.Values
                .Where(p => (wanted == "all" || Source(p) == wanted) && (memberId is null || p.Metadata.GetValueOrDefault("memberId") == memberId))
                .OrderBy(p => p.Created))
            {
                list.Add(new JsonObject
                {
                    ["id"] = p.Id,
                    ["status"] = p.Status,
                    ["amount"] = p.AmountCents,
                    ["customer"] = p.CustomerId,
                    ["paymentMethod"] = p.PaymentMethodId,
                    ["paymentMethodType"] = p.PaymentMethodType,
                    ["metadata"] = StripeObjectJson.Map(p.Metadata),
                    ["idempotencyKey"] = p.IdempotencyKey,
                    ["failureCode"] = p.FailureCode,
                    ["chargeId"] = p.ChargeId,
                    ["created"] = StripeObjectJson.Unix(p.Created),
                    ["source"] = Source(p),
                    ["sessionId"] = p.SessionId ?? SessionOfInvoice(p.InvoiceId),
                    ["invoiceId"] = p.InvoiceId,
                    ["subscriptionId"] = p.InvoiceId is { } invoiceId ? invoices[invoiceId].SubscriptionId : null,
                });
            }

            return list;
        }
    }

    private static string Source(StandInPaymentIntent p) => p.OffSession ? "api" : p.InvoiceId is null ? "checkout" : "invoice";

    public IReadOnlyList<StandInEvent> Events()
    {
        lock (gate)
        {
            return [.. events];
        }
    }

    public StandInEvent Event(string id)
    {
        lock (gate)
        {
            return events.Find(e => e.Id == id) ?? throw Missing("event", id);
        }
    }

    public IReadOnlyList<StandInDelivery> Deliveries(StandInEvent stripeEvent)
    {
        lock (gate)
        {
            return [.. stripeEvent.Deliveries];
        }
    }

    public void RecordDelivery(StandInEvent stripeEvent, StandInDelivery delivery)
    {
        lock (gate)
        {
            stripeEvent.Deliveries.Add(delivery);
        }
    }

    private List<StandInEvent> SettleLocked(StandInPaymentIntent paymentIntent, string outcome)
    {
        if (paymentIntent.Status != "processing")
        {
            throw new StandInException(400, $"PaymentIntent {paymentIntent.Id} is {paymentIntent.Status}, not processing.");
        }

        var produced = new List<StandInEvent>();
        var session = paymentIntent.SessionId is { } sid && sessions.TryGetValue(sid, out var found) ? found : null;
        var invoice = paymentIntent.InvoiceId is { } iid ? invoices[iid] : null;
        var subscription = invoice is null ? null : subscriptions[invoice.SubscriptionId];

        switch (outcome)
        {
            case "succeeded":
                Succeed(paymentIntent);
                if (session is not null)
                {
                    session.PaymentStatus = "paid";
                    produced.Add(Emit("checkout.session.async_payment_succeeded", StripeObjectJson.Session(session)));
                }

                if (invoice is not null)
                {
                    MarkPaid(invoice);
                    produced.Add(Emit("invoice.paid", StripeObjectJson.Invoice(invoice, subscription!)));
                }

                if (paymentIntent.OffSession)
                {
                    produced.Add(Emit("payment_intent.succeeded", PaymentIntentObject(paymentIntent)));
                }

                break;

            case "failed":
                Fail(paymentIntent, "insufficient_funds", null, "The account has insufficient funds to cover this payment.");
                if (paymentIntent.ChargeId is { } chargeId)
                {
                    charges[chargeId].Status = "failed";
                }

                if (paymentIntent.OffSession)
                {
                    produced.Add(Emit("payment_intent.payment_failed", PaymentIntentObject(paymentIntent)));
                }

                if (session is not null)
                {
                    produced.Add(Emit("checkout.session.async_payment_failed", StripeObjectJson.Session(session)));
                }

                if (invoice is not null)
                {
                    subscription!.Status = "past_due";
                    produced.Add(Emit("invoice.payment_failed", StripeObjectJson.Invoice(invoice, subscription)));
                }

                break;

            default:
                throw new StandInException(400, $"Unknown outcome '{outcome}'. Use succeeded or failed.", "outcome");
        }

        return produced;
    }

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

        var refunded = Emit("charge.refunded", StripeObjectJson.Charge(charge), previous, StripeIds.New("req_", 14));
        var body = new JsonObject
        {
            ["chargeId"] = charge.Id,
            ["paymentIntentId"] = charge.PaymentIntentId,
            ["amountRefunded"] = charge.AmountRefundedCents,
            ["refunded"] = charge.Refunded,
        };
        return new StandInAction(body, [refunded]);
    }

    private StandInInvoice NewInvoice(
        StandInSubscription subscription, string billingReason, DateTimeOffset periodStart, DateTimeOffset periodEnd, string? sessionId)
    {
        var invoiceId = StripeIds.New("in_1");
        var paymentIntent = NewPaymentIntent(
            subscription.AmountCents, subscription.PaymentMethodType, [], sessionId, invoiceId, subscription.CustomerId);
        var sequence = invoices.Values.Count(i => i.SubscriptionId == subscription.Id) + 1;
        var invoice = new StandInInvoice
        {
            Id = invoiceId,
            Number = string.Create(
                CultureInfo.InvariantCulture,
                $"{subscription.CustomerId[4..12].ToUpperInvariant()}-{sequence:0000}"),
            LineItemId = StripeIds.New("il_1"),
            SubscriptionId = subscription.Id,
            CustomerId = subscription.CustomerId,
            CustomerEmail = subscription.CustomerEmail,
            AmountCents = subscription.AmountCents,
            BillingReason = billingReason,
            Created = Now,
            ServicePeriodStart = periodStart,
            ServicePeriodEnd = periodEnd,
            PaymentIntentId = paymentIntent.Id,
            SubscriptionMetadata = new(subscription.Metadata),
        };
        invoices.Add(invoice.Id, invoice);
        subscription.LatestInvoiceId = invoice.Id;
        return invoice;
    }

    private StandInPaymentIntent NewPaymentIntent(
        long amountCents,
        string method,
        Dictionary<string, string> metadata,
        string? sessionId,
        string? invoiceId,
        string? customerId,
        string? setupFutureUsage = null,
        string? paymentMethodId = null,
        string? description = null,
        string? idempotencyKey = null)
    {
        var suffix = StripeIds.Random(24);
        var paymentIntent = new StandInPaymentIntent
        {
            Id = "pi_3" + suffix,
            AmountCents = amountCents,
            PaymentMethodType = method,
            Metadata = metadata,
            Created = Now,
            SessionId = sessionId,
            InvoiceId = invoiceId,
            CustomerId = customerId,
            PaymentMethodId = paymentMethodId ?? "pm_3" + suffix,
            SetupFutureUsage = setupFutureUsage,
            // Only API calls name an existing payment method; checkout and invoices make their own.
            OffSession = paymentMethodId is not null,
            Description = description,
            IdempotencyKey = idempotencyKey,
        };
        paymentIntents.Add(paymentIntent.Id, paymentIntent);

        // A SEPA debit has a pending charge from the start; a card charge exists once authorised.
        if (method == "sepa_debit")
        {
            AddCharge(paymentIntent, suffix);
        }

        return paymentIntent;
    }

    private void Succeed(StandInPaymentIntent paymentIntent)
    {
        paymentIntent.Status = "succeeded";
        var charge = paymentIntent.ChargeId is { } id ? charges[id] : AddCharge(paymentIntent, paymentIntent.Id[4..]);
        charge.Status = "succeeded";
    }

    private StandInCharge AddCharge(StandInPaymentIntent paymentIntent, string suffix)
    {
        var charge = new StandInCharge
        {
            MandateId = paymentIntent.PaymentMethodType == "sepa_debit" ? MandateFor(paymentIntent.PaymentMethodId, suffix) : null,
            Id = "ch_3" + suffix,
            PaymentIntentId = paymentIntent.Id,
            AmountCents = paymentIntent.AmountCents,
            PaymentMethodType = paymentIntent.PaymentMethodType,
            Created = Now,
            CustomerId = paymentIntent.CustomerId,
            PaymentMethodId = paymentIntent.PaymentMethodId,
        };
        charges.Add(charge.Id, charge);
        paymentIntent.ChargeId = charge.Id;
        return charge;
    }

    private static void Fail(StandInPaymentIntent paymentIntent, string code, string? declineCode, string message)
    {
        paymentIntent.Status = "requires_payment_method";
        paymentIntent.FailureCode = code;
        paymentIntent.DeclineCode = declineCode;
        paymentIntent.FailureMessage = message;
    }

    /// <summary>
    /// Members written by the seeding tool (<c>tools/Kok.Seed</c>) never went through this stand-in's checkout; their
    /// customers (<c>cus_seed_…</c>) and methods (<c>pm_seed_card_…</c>, <c>pm_seed_sepa_…</c>, the latter with its
    /// <c>mandate_seed_…</c>) are taken as saved on first use, so seeded members can be charged like real ones.
    /// </summary>
    private void AdoptSeeded(string customerId, string paymentMethodId)
    {
        if (!customerId.StartsWith("cus_seed_", StringComparison.Ordinal))
        {
            return;
        }

        var type = paymentMethodId.StartsWith("pm_seed_card_", StringComparison.Ordinal) ? "card"
            : paymentMethodId.StartsWith("pm_seed_sepa_", StringComparison.Ordinal) ? "sepa_debit"
            : null;
        if (type is not null)
        {
            SaveOnCustomer(customerId, paymentMethodId, type);
        }

        if (type == "sepa_debit")
        {
            AdoptSeededMandate("mandate_seed_" + paymentMethodId["pm_seed_sepa_".Length..]);
        }
    }

    /// <summary>
    /// The mandate a SEPA method's debits are collected under: the one accepted when the method was first used (as
    /// with Stripe, later off-session debits reuse it), else a new one.
    /// </summary>
    private string MandateFor(string paymentMethodId, string suffix)
    {
        if (methodMandates.TryGetValue(paymentMethodId, out var known))
        {
            return known;
        }

        var id = "mandate_3" + suffix;
        mandates.Add(id, new StandInMandate
        {
            Id = id, PaymentMethodId = paymentMethodId, Reference = StripeIds.MandateReference(id), AcceptedAt = Now,
        });
        methodMandates[paymentMethodId] = id;
        return id;
    }

    /// <summary>
    /// The seeding tool's SEPA members carry <c>mandate_seed_{n}</c> on <c>pm_seed_sepa_{n}</c> with reference
    /// <c>KOKSEED{n:D6}</c>; taken as existing on first use, like their customers and methods.
    /// </summary>
    private void AdoptSeededMandate(string mandateId)
    {
        const string prefix = "mandate_seed_";
        if (mandates.ContainsKey(mandateId)
            || !mandateId.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(mandateId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return;
        }

        var paymentMethodId = "pm_seed_sepa_" + mandateId[prefix.Length..];
        mandates.Add(mandateId, new StandInMandate
        {
            Id = mandateId,
            PaymentMethodId = paymentMethodId,
            Reference = string.Create(CultureInfo.InvariantCulture, $"KOKSEED{n:D6}"),
            AcceptedAt = Now,
        });
        methodMandates.TryAdd(paymentMethodId, mandateId);
    }

    /// <summary>The customer exists from now on; <paramref name="paymentMethodId"/>, when given, is saved on it.</summary>
    private void SaveOnCustomer(string customerId, string? paymentMethodId, string type)
    {
        if (!customers.TryGetValue(customerId, out var saved))
        {
            customers[customerId] = saved = new(StringComparer.Ordinal);
        }

        if (paymentMethodId is not null)
        {
            saved[paymentMethodId] = type;
        }
    }

    private static JsonObject PaymentIntentObject(StandInPaymentIntent paymentIntent) =>
        StripeObjectJson.PaymentIntent(paymentIntent, paymentIntent.PaymentMethodId, paymentIntent.ChargeId);

    private void MarkPaid(StandInInvoice invoice)
    {
        invoice.Status = "paid";
        invoice.PaidAt = Now;
    }

    private StandInEvent Emit(string type, JsonObject data, JsonObject? previousAttributes = null, string? requestId = null)
    {
        var id = StripeIds.New("evt_1");
        var created = Now;
        var stripeEvent = new StandInEvent
        {
            Id = id,
            Type = type,
            Created = created,
            Payload = StripeObjectJson.Event(id, type, created, data, previousAttributes, requestId).ToJsonString(),
        };
        events.Add(stripeEvent);
        return stripeEvent;
    }

    private void ExpireIfDue(StandInSession session)
    {
        if (session.Status == "open" && Now >= session.ExpiresAt)
        {
            session.Status = "expired";
        }
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

    private static JsonObject PaymentIntentBody(StandInPaymentIntent paymentIntent) => new()
    {
        ["paymentIntentId"] = paymentIntent.Id,
        ["status"] = paymentIntent.Status,
        ["chargeId"] = paymentIntent.ChargeId,
        ["invoiceId"] = paymentIntent.InvoiceId,
    };

    private StandInPaymentIntent? PaymentIntentOf(string id)
    {
        if (paymentIntents.TryGetValue(id, out var paymentIntent))
        {
            return paymentIntent;
        }

        if (sessions.TryGetValue(id, out var session))
        {
            if (session.PaymentIntentId is { } own)
            {
                return paymentIntents[own];
            }

            id = session.InvoiceId ?? string.Empty;
        }

        return invoices.TryGetValue(id, out var invoice) ? paymentIntents[invoice.PaymentIntentId] : null;
    }

    /// <summary>The checkout session that made a subscription's first invoice; renewals have none.</summary>
    private string? SessionOfInvoice(string? invoiceId) =>
        invoiceId is null ? null : sessions.Values.FirstOrDefault(s => s.InvoiceId == invoiceId)?.Id;

    private StandInSession FindSession(string id) =>
        sessions.TryGetValue(id, out var session) ? session : throw Missing("checkout.session", id, "session");

    private StandInPaymentIntent FindPaymentIntent(string id) =>
        paymentIntents.TryGetValue(id, out var paymentIntent) ? paymentIntent : throw Missing("payment_intent", id, "intent");

    private StandInSubscription FindSubscription(string id) =>
        subscriptions.TryGetValue(id, out var subscription) ? subscription : throw Missing("subscription", id);

    private static StandInException Missing(string objectName, string id, string? param = null) =>
        new(404, $"No such {objectName}: '{id}'", param ?? objectName, "resource_missing");
}
