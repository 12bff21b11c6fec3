using System.Globalization;
using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// The stand-in's memory: sessions, payment intents, charges, subscriptions, invoices and the events they caused, and
/// the steps every action builds on. All state changes happen under <see cref="Gate"/> and render their event payloads
/// immediately, so each event is a snapshot of the object at that moment, as with Stripe. Sending the events is left
/// to the caller, outside the lock. Customers and the payment methods saved on them exist only as a result of checkout
/// (or a subscription).
/// </summary>
internal sealed class StripeStandInState(TimeProvider time)
{
    public Lock Gate { get; } = new();

    public Dictionary<string, StandInSession> Sessions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StandInPaymentIntent> PaymentIntents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StandInCharge> Charges { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StandInSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StandInInvoice> Invoices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StandInSetupIntent> SetupIntents { get; } = new(StringComparer.Ordinal);

    public List<StandInEvent> EventLog { get; } = [];

    /// <summary>Mandate id → mandate.</summary>
    public Dictionary<string, StandInMandate> Mandates { get; } = new(StringComparer.Ordinal);

    /// <summary>SEPA payment method id → the mandate its debits are collected under.</summary>
    public Dictionary<string, string> MethodMandates { get; } = new(StringComparer.Ordinal);

    /// <summary>Customer id → the payment methods saved on it (id → type).</summary>
    public Dictionary<string, Dictionary<string, string>> Customers { get; } = new(StringComparer.Ordinal);

    /// <summary>Customers deleted through <c>DELETE /v1/customers/{id}</c> (an erasure); Stripe answers 404 for them from then on.</summary>
    public HashSet<string> DeletedCustomers { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The subscription moves on a month and its invoice for the new period is made (a renewal).</summary>
    public StandInInvoice NextPeriodInvoice(StandInSubscription subscription)
    {
        var start = subscription.CurrentPeriodEnd;
        var end = start.AddMonths(1);
        subscription.CurrentPeriodStart = start;
        subscription.CurrentPeriodEnd = end;
        return NewInvoice(subscription, "subscription_cycle", start, end, sessionId: null);
    }

    public StandInInvoice NewInvoice(
        StandInSubscription subscription, string billingReason, DateTimeOffset periodStart, DateTimeOffset periodEnd, string? sessionId)
    {
        var invoiceId = StripeIds.New("in_1");
        // The invoice is charged on the subscription's default payment method (a later update may have replaced it).
        var paymentIntent = NewPaymentIntent(new(subscription.AmountCents, subscription.PaymentMethodType, [])
        {
            SessionId = sessionId, InvoiceId = invoiceId, CustomerId = subscription.CustomerId,
            PaymentMethodId = subscription.PaymentMethodId, OffSession = false,
        });
        var sequence = Invoices.Values.Count(i => i.SubscriptionId == subscription.Id) + 1;
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
        Invoices.Add(invoice.Id, invoice);
        subscription.LatestInvoiceId = invoice.Id;
        return invoice;
    }

    public StandInPaymentIntent NewPaymentIntent(StandInPaymentIntentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var suffix = StripeIds.Random(24);
        var paymentIntent = new StandInPaymentIntent
        {
            Id = "pi_3" + suffix,
            AmountCents = spec.AmountCents,
            PaymentMethodType = spec.Method,
            Metadata = spec.Metadata,
            Created = Now,
            SessionId = spec.SessionId,
            InvoiceId = spec.InvoiceId,
            CustomerId = spec.CustomerId,
            PaymentMethodId = spec.PaymentMethodId ?? "pm_3" + suffix,
            SetupFutureUsage = spec.SetupFutureUsage,
            // API calls and subscription invoices name an existing payment method; checkout makes its own.
            OffSession = spec.OffSession ?? spec.PaymentMethodId is not null,
            Description = spec.Description,
            IdempotencyKey = spec.IdempotencyKey,
        };
        PaymentIntents.Add(paymentIntent.Id, paymentIntent);

        // A SEPA debit has a pending charge from the start; a card charge exists once authorised.
        if (spec.Method == "sepa_debit")
        {
            AddCharge(paymentIntent, suffix);
        }

        return paymentIntent;
    }

    public void Succeed(StandInPaymentIntent paymentIntent)
    {
        paymentIntent.Status = "succeeded";
        var charge = paymentIntent.ChargeId is { } id ? Charges[id] : AddCharge(paymentIntent, paymentIntent.Id[4..]);
        charge.Status = "succeeded";
    }

    public StandInCharge AddCharge(StandInPaymentIntent paymentIntent, string suffix)
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
        Charges.Add(charge.Id, charge);
        paymentIntent.ChargeId = charge.Id;
        return charge;
    }

    public static void Fail(StandInPaymentIntent paymentIntent, string code, string? declineCode, string message)
    {
        paymentIntent.Status = "requires_payment_method";
        paymentIntent.FailureCode = code;
        paymentIntent.DeclineCode = declineCode;
        paymentIntent.FailureMessage = message;
    }

    /// <summary>
    /// Members written by the seeding tool (<c>tools/Kok.Seed</c>) never went through this stand-in's checkout; their
    /// Customers (<c>cus_seed_…</c>) and methods (<c>pm_seed_card_…</c>, <c>pm_seed_sepa_…</c>, the latter with its
    /// <c>mandate_seed_…</c>) are taken as saved on first use, so seeded members can be charged like real ones.
    /// </summary>
    public void AdoptSeeded(string customerId, string paymentMethodId)
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
    public string MandateFor(string paymentMethodId, string suffix)
    {
        if (MethodMandates.TryGetValue(paymentMethodId, out var known))
        {
            return known;
        }

        var id = "mandate_3" + suffix;
        Mandates.Add(id, new StandInMandate
        {
            Id = id, PaymentMethodId = paymentMethodId, Reference = StripeIds.MandateReference(id), AcceptedAt = Now,
        });
        MethodMandates[paymentMethodId] = id;
        return id;
    }

    /// <summary>
    /// The seeding tool's SEPA members carry <c>mandate_seed_{n}</c> on <c>pm_seed_sepa_{n}</c> with reference
    /// <c>KOKSEED{n:D6}</c>; taken as existing on first use, like their Customers and methods.
    /// </summary>
    public void AdoptSeededMandate(string mandateId)
    {
        const string prefix = "mandate_seed_";
        if (Mandates.ContainsKey(mandateId)
            || !mandateId.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(mandateId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return;
        }

        var paymentMethodId = "pm_seed_sepa_" + mandateId[prefix.Length..];
        Mandates.Add(mandateId, new StandInMandate
        {
            Id = mandateId,
            PaymentMethodId = paymentMethodId,
            Reference = string.Create(CultureInfo.InvariantCulture, $"KOKSEED{n:D6}"),
            AcceptedAt = Now,
        });
        MethodMandates.TryAdd(paymentMethodId, mandateId);
    }

    /// <summary>The customer exists from now on; <paramref name="paymentMethodId"/>, when given, is saved on it.</summary>
    public void SaveOnCustomer(string customerId, string? paymentMethodId, string type)
    {
        if (!Customers.TryGetValue(customerId, out var saved))
        {
            Customers[customerId] = saved = new(StringComparer.Ordinal);
        }

        if (paymentMethodId is not null)
        {
            saved[paymentMethodId] = type;
        }
    }

    public static JsonObject PaymentIntentObject(StandInPaymentIntent paymentIntent) =>
        StripeObjectJson.PaymentIntent(paymentIntent, paymentIntent.PaymentMethodId, paymentIntent.ChargeId);

    public void MarkPaid(StandInInvoice invoice)
    {
        invoice.Status = "paid";
        invoice.PaidAt = Now;
    }

    /// <summary>
    /// The events of an invoice that was paid: <c>invoice.paid</c>, and <c>invoice_payment.paid</c>, the only event
    /// that names the payment intent (since "basil" the invoice, its charge and intent no longer name each other).
    /// </summary>
    public IEnumerable<StandInEvent> EmitInvoicePaid(StandInInvoice invoice, StandInSubscription subscription) =>
    [
        Emit("invoice.paid", StripeBillingJson.Invoice(invoice, subscription)),
        Emit("invoice_payment.paid", StripeBillingJson.InvoicePayment(invoice, subscription)),
    ];

    public StandInEvent Emit(string type, JsonObject data, JsonObject? previousAttributes = null, string? requestId = null)
    {
        var id = StripeIds.New("evt_1");
        var created = Now;
        var stripeEvent = new StandInEvent
        {
            Id = id,
            Type = type,
            Created = created,
            Payload = StripeObjectJson.Event(id, type, created, StripeObjectJson.EventData(data, previousAttributes), requestId).ToJsonString(),
        };
        EventLog.Add(stripeEvent);
        return stripeEvent;
    }

    public void ExpireIfDue(StandInSession session)
    {
        if (session.Status == "open" && Now >= session.ExpiresAt)
        {
            session.Status = "expired";
        }
    }

    public StandInPaymentIntent? PaymentIntentOf(string id)
    {
        if (PaymentIntents.TryGetValue(id, out var paymentIntent))
        {
            return paymentIntent;
        }

        if (Sessions.TryGetValue(id, out var session))
        {
            if (session.PaymentIntentId is { } own)
            {
                return PaymentIntents[own];
            }

            id = session.InvoiceId ?? string.Empty;
        }

        return Invoices.TryGetValue(id, out var invoice) ? PaymentIntents[invoice.PaymentIntentId] : null;
    }

    /// <summary>The checkout session that made a subscription's first invoice; renewals have none.</summary>
    public string? SessionOfInvoice(string? invoiceId) =>
        invoiceId is null ? null : Sessions.Values.FirstOrDefault(s => s.InvoiceId == invoiceId)?.Id;

    public StandInSession FindSession(string id) =>
        Sessions.TryGetValue(id, out var session) ? session : throw Missing("checkout.session", id, "session");

    public StandInPaymentIntent FindPaymentIntent(string id) =>
        PaymentIntents.TryGetValue(id, out var paymentIntent) ? paymentIntent : throw Missing("payment_intent", id, "intent");

    public StandInSubscription FindSubscription(string id) =>
        Subscriptions.TryGetValue(id, out var subscription) ? subscription : throw Missing("subscription", id);

    public static StandInException Missing(string objectName, string id, string? param = null) =>
        new(404, $"No such {objectName}: '{id}'", param ?? objectName, "resource_missing");

    public IReadOnlyList<StandInEvent> Events()
    {
        lock (Gate)
        {
            return [.. EventLog];
        }
    }

    public StandInEvent Event(string id)
    {
        lock (Gate)
        {
            return EventLog.Find(e => e.Id == id) ?? throw Missing("event", id);
        }
    }

    public IReadOnlyList<StandInDelivery> Deliveries(StandInEvent stripeEvent)
    {
        lock (Gate)
        {
            return [.. stripeEvent.Deliveries];
        }
    }

    public void RecordDelivery(StandInEvent stripeEvent, StandInDelivery delivery)
    {
        lock (Gate)
        {
            stripeEvent.Deliveries.Add(delivery);
        }
    }

    public static JsonObject PaymentIntentBody(StandInPaymentIntent paymentIntent) => new()
    {
        ["paymentIntentId"] = paymentIntent.Id,
        ["status"] = paymentIntent.Status,
        ["chargeId"] = paymentIntent.ChargeId,
        ["invoiceId"] = paymentIntent.InvoiceId,
    };
}
