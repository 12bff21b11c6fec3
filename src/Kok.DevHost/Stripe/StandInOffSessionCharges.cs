using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Off-session charges through <c>POST /v1/payment_intents</c> (the dues run's), the outcomes and rate limits tests
/// force on them, and the list of payment intents the simulation endpoints show.
/// </summary>
internal sealed class StandInOffSessionCharges(StripeStandInState state)
{
    /// <summary>Member id → the outcome forced on that member's next off-session charge.</summary>
    private readonly Dictionary<string, string> nextCharges = new(StringComparer.Ordinal);
    private int rateLimitedRequests;

    /// <summary>
    /// <c>POST /v1/payment_intents</c> with <c>confirm=true&amp;off_session=true</c>: state.Charges a payment method saved on
    /// the customer. Without a forced outcome a card succeeds and a SEPA debit stays processing until settled. A forced
    /// decline or authentication answers 402 with Stripe's <c>card_error</c>, the payment intent inside.
    /// </summary>
    /// <returns>The HTTP status (200 or 402), the answer (payment intent or error) and the events.</returns>
    public (int Status, StandInAction Action) CreatePaymentIntent(StandInChargeRequest request)
    {
        lock (state.Gate)
        {
            state.AdoptSeeded(request.CustomerId, request.PaymentMethodId);
            if (!state.Customers.TryGetValue(request.CustomerId, out var saved))
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
            var paymentIntent = state.NewPaymentIntent(new(request.AmountCents, type, request.Metadata)
            {
                CustomerId = request.CustomerId, PaymentMethodId = request.PaymentMethodId,
                Description = request.Description, IdempotencyKey = request.IdempotencyKey,
            });

            switch (outcome)
            {
                case "succeed":
                    state.Succeed(paymentIntent);
                    var succeeded = state.Emit("payment_intent.succeeded", StripeStandInState.PaymentIntentObject(paymentIntent));
                    return (200, new StandInAction(StripeStandInState.PaymentIntentObject(paymentIntent), [succeeded]));

                case "processing":
                    return (200, new StandInAction(StripeStandInState.PaymentIntentObject(paymentIntent), []));

                default:
                    var authenticate = outcome == "authenticate";
                    if (authenticate)
                    {
                        StripeStandInState.Fail(paymentIntent, "authentication_required", "authentication_required", "Your card was declined. This transaction requires authentication.");
                    }
                    else
                    {
                        StripeStandInState.Fail(paymentIntent, "card_declined", "generic_decline", "Your card was declined.");
                    }

                    if (paymentIntent.ChargeId is { } chargeId)
                    {
                        state.Charges[chargeId].Status = "failed";
                    }

                    var failed = state.Emit("payment_intent.payment_failed", StripeStandInState.PaymentIntentObject(paymentIntent));
                    var error = StripeObjectJson.CardError(paymentIntent, StripeStandInState.PaymentIntentObject(paymentIntent), StripeObjectJson.PaymentMethod(paymentIntent));
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

        lock (state.Gate)
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

        lock (state.Gate)
        {
            rateLimitedRequests = count;
        }
    }

    /// <summary>True when this request is one of the rate-limited ones (and counts it).</summary>
    public bool TakeRateLimit()
    {
        lock (state.Gate)
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
    /// Payment intents, oldest first: by default those created through the API (off-session state.Charges); with
    /// <paramref name="source"/> "checkout" those checkout made, "invoice" those of subscription invoices, "all" every one.
    /// </summary>
    public JsonArray PaymentIntents(string? memberId, string? source)
    {
        lock (state.Gate)
        {
            var wanted = source ?? "api";
            if (wanted is not ("api" or "checkout" or "invoice" or "all"))
            {
                throw new StandInException(400, $"Unknown source '{wanted}'. Use api, checkout, invoice or all.", "source");
            }

            var list = new JsonArray();
            foreach (var p in state.PaymentIntents.Values
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
                    ["sessionId"] = p.SessionId ?? state.SessionOfInvoice(p.InvoiceId),
                    ["invoiceId"] = p.InvoiceId,
                    ["subscriptionId"] = p.InvoiceId is { } invoiceId ? state.Invoices[invoiceId].SubscriptionId : null,
                });
            }

            return list;
        }
    }

    private static string Source(StandInPaymentIntent p) => p.OffSession ? "api" : p.InvoiceId is null ? "checkout" : "invoice";
}
