using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// What happens at Stripe outside our API calls, made triggerable: the hosted checkout page and its outcomes,
/// SEPA settlement, monthly renewals, cancellations, refunds, forced outcomes of off-session charges and rate-limit
/// faults, and control over event delivery (list, resend, deliver in a chosen order). Actions send their events to
/// the webhook before answering, unless called with <c>?deliver=false</c>, which records them for a later
/// <c>POST /dev/stripe/events/deliver</c>.
/// </summary>
internal static class StripeSimulationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var stripe = endpoints.MapGroup("/dev/stripe");

        stripe.MapGet("/checkout/{id}", (string id, string? declined, StripeStandInStore store) =>
        {
            try
            {
                var view = store.SessionView(id);
                var notice = declined is null ? null : "Die Karte wurde abgelehnt. / Your card was declined.";
                return Results.Content(StripeCheckoutPage.Render(view, notice), "text/html; charset=utf-8");
            }
            catch (StandInException ex)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", Encoding.UTF8, ex.Status);
            }
        });

        stripe.MapPost("/checkout/{id}/complete", async (string id, HttpContext context, StripeStandInStore store, StripeWebhookSender sender) =>
        {
            var input = await ReadInputAsync(context.Request);
            var declinedUrl = $"{context.Request.PathBase}/dev/stripe/checkout/{id}?declined=card";
            var fromPage = context.Request.HasFormContentType;
            try
            {
                var action = store.Complete(id, Value(input, "outcome") ?? string.Empty, Value(input, "paymentMethod"), declinedUrl);
                var body = await DeliverAsync(action, context, store, sender);
                if (fromPage)
                {
                    context.Response.Headers.Location = body["redirectUrl"]!.GetValue<string>();
                    return Results.StatusCode(StatusCodes.Status303SeeOther);
                }

                return Json(body);
            }
            catch (StandInException ex) when (fromPage)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", Encoding.UTF8, ex.Status);
            }
            catch (StandInException ex)
            {
                return StripeApiEndpoints.StripeError(ex);
            }
        });

        stripe.MapPost("/payments/{id}/settle", async (string id, HttpContext context, StripeStandInStore store, StripeWebhookSender sender) =>
        {
            // The checkout page posts a form: back to that page, which then shows the settled state.
            if (!context.Request.HasFormContentType)
            {
                return await ActAsync(context, store, sender, input => store.Settle(id, Value(input, "outcome") ?? string.Empty));
            }

            try
            {
                var input = await ReadInputAsync(context.Request);
                var body = await DeliverAsync(store.Settle(id, Value(input, "outcome") ?? string.Empty), context, store, sender);
                context.Response.Headers.Location = $"{context.Request.PathBase}/dev/stripe/checkout/{Uri.EscapeDataString((string?)body["sessionId"] ?? id)}";
                return Results.StatusCode(StatusCodes.Status303SeeOther);
            }
            catch (StandInException ex)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", Encoding.UTF8, ex.Status);
            }
        });

        stripe.MapPost("/payments/{id}/refund", (string id, HttpContext context, StripeStandInStore store, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, input => moneyBack.RefundPaymentIntent(id, Amount(input))));

        stripe.MapPost("/charges/{id}/refund", (string id, HttpContext context, StripeStandInStore store, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, input => moneyBack.Refund(id, Amount(input))));

        stripe.MapPost("/subscriptions/{id}/renew", (string id, HttpContext context, StripeStandInStore store, StandInSubscriptions subscriptions, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, input => Value(input, "outcome") switch
            {
                null or "succeeded" => subscriptions.Renew(id),
                "failed" => moneyBack.RenewFailed(id, Code(input, "failureCode", "card_declined")),
                var other => throw new StandInException(400, $"Unknown outcome '{other}'. Use succeeded or failed.", "outcome"),
            }));

        stripe.MapPost("/subscriptions/{id}/give-up", (string id, HttpContext context, StripeStandInStore store, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, _ => moneyBack.GiveUp(id)));

        stripe.MapPost("/payments/{id}/dispute", (string id, HttpContext context, StripeStandInStore store, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, input => moneyBack.Dispute(id, Code(input, "reason", "general"))));

        stripe.MapPost("/payments/{id}/dispute/close", (string id, HttpContext context, StripeStandInStore store, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, input => moneyBack.CloseDispute(id, Value(input, "status") ?? string.Empty)));

        stripe.MapPost("/payments/{id}/return", (string id, HttpContext context, StripeStandInStore store, StandInMoneyBack moneyBack, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, input => moneyBack.Return(id, Code(input, "failureCode", "insufficient_funds"))));

        stripe.MapPost("/subscriptions/{id}/cancel", (string id, HttpContext context, StripeStandInStore store, StandInSubscriptions subscriptions, StripeWebhookSender sender) =>
            ActAsync(context, store, sender, _ => subscriptions.Cancel(id)));

        stripe.MapPost("/members/{memberId}/next-charge", async (string memberId, HttpContext context, StandInOffSessionCharges charges) =>
            await GuardedAsync(async () =>
            {
                var outcome = Value(await ReadInputAsync(context.Request), "outcome") ?? string.Empty;
                charges.ForceNextCharge(memberId, outcome);
                return Json(new JsonObject { ["memberId"] = memberId, ["nextCharge"] = outcome });
            }));

        stripe.MapPost("/faults/rate-limit", async (HttpContext context, StandInOffSessionCharges charges) =>
            await GuardedAsync(async () =>
            {
                var text = Value(await ReadInputAsync(context.Request), "count");
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                {
                    throw new StandInException(400, "Expected a JSON body { \"count\": n }.", "count");
                }

                charges.RateLimitNext(count);
                return Json(new JsonObject { ["rateLimitedRequests"] = count });
            }));

        stripe.MapGet("/payment_intents", (string? memberId, string? source, StandInOffSessionCharges charges) =>
            Guarded(() => Json(new JsonObject { ["object"] = "list", ["data"] = charges.PaymentIntents(memberId, source) })));

        // For tests: whether a customer exists, and whether it was deleted (an erasure).
        stripe.MapGet("/customers/{id}", (string id, StripeStandInState state) =>
        {
            lock (state.Gate)
            {
                return Results.Json(new { id, exists = state.Customers.ContainsKey(id), deleted = state.DeletedCustomers.Contains(id) });
            }
        });
        stripe.MapGet("/events", (string? type, StripeStandInStore store) =>
        {
            var data = new JsonArray();
            foreach (var stripeEvent in store.Events().Where(e => type is null || e.Type == type))
            {
                data.Add(EventJson(stripeEvent, store, withPayload: true));
            }

            return Json(new JsonObject { ["object"] = "list", ["data"] = data });
        });

        stripe.MapGet("/events/{id}", (string id, StripeStandInStore store) =>
            Guarded(() => Json(EventJson(store.Event(id), store, withPayload: true))));

        stripe.MapPost("/events/{id}/resend", (string id, HttpContext context, StripeStandInStore store, StripeWebhookSender sender) =>
            GuardedAsync(async () =>
            {
                var stripeEvent = store.Event(id);
                await sender.DeliverAsync(stripeEvent, context.RequestAborted);
                return Json(EventJson(stripeEvent, store, withPayload: false));
            }));

        stripe.MapPost("/events/deliver", (HttpContext context, StripeStandInStore store, StripeWebhookSender sender) =>
            GuardedAsync(async () =>
            {
                var ids = await ReadEventIdsAsync(context.Request);
                var chosen = ids.Select(store.Event).ToList();
                await sender.DeliverAllAsync(chosen, context.RequestAborted);
                return Json(new JsonObject { ["events"] = new JsonArray([.. chosen.Select(e => (JsonNode)EventJson(e, store, withPayload: false))]) });
            }));
    }

    private static async Task<IResult> ActAsync(
        HttpContext context, StripeStandInStore store, StripeWebhookSender sender, Func<IReadOnlyDictionary<string, string>, StandInAction> act)
    {
        try
        {
            var input = await ReadInputAsync(context.Request);
            return Json(await DeliverAsync(act(input), context, store, sender));
        }
        catch (StandInException ex)
        {
            return StripeApiEndpoints.StripeError(ex);
        }
    }

    private static async Task<JsonObject> DeliverAsync(StandInAction action, HttpContext context, StripeStandInStore store, StripeWebhookSender sender)
    {
        var deliver = !string.Equals(context.Request.Query["deliver"], "false", StringComparison.OrdinalIgnoreCase);
        if (deliver)
        {
            await sender.DeliverAllAsync(action.Events, context.RequestAborted);
        }

        action.Body["events"] = new JsonArray([.. action.Events.Select(e => (JsonNode)EventJson(e, store, withPayload: false))]);
        return action.Body;
    }

    private static JsonObject EventJson(StandInEvent stripeEvent, StripeStandInStore store, bool withPayload)
    {
        var deliveries = new JsonArray();
        foreach (var delivery in store.Deliveries(stripeEvent))
        {
            deliveries.Add(new JsonObject
            {
                ["at"] = delivery.At.ToUnixTimeSeconds(),
                ["url"] = delivery.Url,
                ["status"] = delivery.Status,
                ["error"] = delivery.Error,
            });
        }

        // The payment behind the event's object: invoices and subscription checkouts do not name it in their payload.
        var objectId = (string?)JsonNode.Parse(stripeEvent.Payload)?["data"]?["object"]?["id"];
        var json = new JsonObject
        {
            ["id"] = stripeEvent.Id,
            ["type"] = stripeEvent.Type,
            ["created"] = stripeEvent.Created.ToUnixTimeSeconds(),
            ["paymentIntentId"] = objectId is null ? null : store.PaymentIntentIdOf(objectId),
            ["deliveries"] = deliveries,
        };
        if (withPayload)
        {
            json["payload"] = JsonNode.Parse(stripeEvent.Payload);
        }

        return json;
    }

    private static async Task<Dictionary<string, string>> ReadInputAsync(HttpRequest request)
    {
        var input = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                input[key] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            JsonNode? node;
            try
            {
                node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                throw new StandInException(400, "The body is not valid JSON.");
            }

            if (node is JsonObject body)
            {
                foreach (var (key, value) in body)
                {
                    if (value is JsonValue scalar)
                    {
                        input[key] = scalar.ToString();
                    }
                }
            }
        }

        return input;
    }

    private static async Task<List<string>> ReadEventIdsAsync(HttpRequest request)
    {
        JsonNode? node;
        try
        {
            node = request.HasJsonContentType()
                ? await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)
                : null;
        }
        catch (JsonException)
        {
            node = null;
        }

        if (node?["eventIds"] is not JsonArray ids)
        {
            throw new StandInException(400, "Expected a JSON body { \"eventIds\": [\"evt_...\", ...] } in delivery order.", "eventIds");
        }

        return [.. ids.Select(id => id?.GetValue<string>() ?? string.Empty)];
    }

    /// <summary>A Stripe code from the input (lower-case letters, digits, underscores), else <paramref name="fallback"/>.</summary>
    private static string Code(IReadOnlyDictionary<string, string> input, string key, string fallback)
    {
        var value = Value(input, key);
        if (value is null)
        {
            return fallback;
        }

        return value.Length is > 0 and <= 64 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            ? value
            : throw new StandInException(400, $"'{key}' must be a Stripe code such as {fallback}.", key);
    }

    private static string? Value(IReadOnlyDictionary<string, string> input, string key) =>
        input.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static long? Amount(IReadOnlyDictionary<string, string> input)
    {
        var text = Value(input, "amount");
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new StandInException(400, $"Invalid integer: {text}", "amount");
    }

    private static IResult Guarded(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (StandInException ex)
        {
            return StripeApiEndpoints.StripeError(ex);
        }
    }

    private static async Task<IResult> GuardedAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (StandInException ex)
        {
            return StripeApiEndpoints.StripeError(ex);
        }
    }

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8);
}
