using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Kok.DevHost.Stripe;

/// <summary>
/// The slice of Stripe's REST API that the payment gateway uses, under <see cref="StripeStandInAddresses.ApiPrefix"/>,
/// so that <c>Stripe:ApiBase = {DevHost}/dev/stripe/api</c> sends Stripe.net's "/v1/..." calls here. Form-encoded
/// requests, Bearer secret key, Idempotency-Key and Stripe-shaped errors as the real API has them.
/// </summary>
internal static class StripeApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(StripeStandInAddresses.ApiPrefix + "/v1").AddEndpointFilter(RequireSecretKey);

        v1.MapPost("/checkout/sessions", CreateSessionAsync);
        v1.MapPost("/payment_intents", CreatePaymentIntentAsync);
        v1.MapGet("/checkout/sessions/{id}", (string id, StripeStandInStore store) => Run(() => store.SessionJson(id)));
        v1.MapGet("/payment_intents/{id}", (string id, HttpRequest request, StripeStandInStore store) =>
            Run(() => store.PaymentIntentJson(id, Expansions(request.Query))));
        v1.MapGet("/setup_intents/{id}", (string id, HttpRequest request, StripeStandInStore store) =>
            Run(() => store.SetupIntentJson(id, Expansions(request.Query))));
        v1.MapGet("/mandates/{id}", (string id, StripeStandInStore store) => Run(() => store.MandateJson(id)));
        v1.MapGet("/subscriptions/{id}", (string id, StripeStandInState state) => Run(() =>
        {
            lock (state.Gate)
            {
                return StripeBillingJson.Subscription(state.FindSubscription(id));
            }
        }));
        v1.MapPost("/subscriptions/{id}", UpdateSubscriptionAsync);
        v1.MapDelete("/customers/{id}", (string id, StripeStandInState state) => Run(() =>
        {
            // Stripe's shape: {"id", "object": "customer", "deleted": true}; an unknown or deleted customer is a 404.
            lock (state.Gate)
            {
                if (!state.Customers.Remove(id))
                {
                    throw new StandInException(404, $"No such customer: '{id}'", "id", "resource_missing");
                }

                state.DeletedCustomers.Add(id);
                return new JsonObject { ["id"] = id, ["object"] = "customer", ["deleted"] = true };
            }
        }));
        v1.Map("/{**path}", (HttpRequest request) => StripeError(
            404,
            "invalid_request_error",
            $"Unrecognized request URL ({request.Method}: {request.Path.Value?[StripeStandInAddresses.ApiPrefix.Length..]}). The Stripe stand-in only serves what the KOK backend calls."));
    }

    private static async Task<IResult> CreateSessionAsync(
        HttpRequest request,
        StripeStandInStore store,
        StripeIdempotencyCache idempotency,
        StripeStandInAddresses addresses)
    {
        if (!request.HasFormContentType)
        {
            return StripeError(400, "invalid_request_error", "Stripe's API takes application/x-www-form-urlencoded bodies.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var fingerprint = StripeApiForms.Fingerprint(form);
        var checkoutBase = addresses.BrowserBaseUrl(request) + "/dev/stripe/checkout/";
        try
        {
            var (status, body, replayed) = idempotency.Execute(
                ApiKey(request) ?? string.Empty,
                request.Headers["Idempotency-Key"].ToString(),
                "POST /v1/checkout/sessions\n" + fingerprint,
                () => (200, store.AddSession(StripeApiForms.ParseSession(form, store.Now, checkoutBase)).ToJsonString()));
            if (replayed)
            {
                request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return Results.Content(body, "application/json", Encoding.UTF8, status);
        }
        catch (StandInException ex)
        {
            return StripeError(ex);
        }
    }

    /// <summary>
    /// An off-session charge. Rate-limit faults answer before anything else, as Stripe's limiter does; a 402 decline is
    /// remembered under the idempotency key like a success. Events go out before the answer unless configured otherwise
    /// (<see cref="StripeWebhookSender.AfterAnswerSetting"/>).
    /// </summary>
    private static async Task<IResult> CreatePaymentIntentAsync(
        HttpRequest request,
        StandInOffSessionCharges charges,
        StripeIdempotencyCache idempotency,
        StripeWebhookSender sender)
    {
        if (charges.TakeRateLimit())
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return StripeError(
                429,
                "invalid_request_error",
                "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
                code: "rate_limit");
        }

        if (!request.HasFormContentType)
        {
            return StripeError(400, "invalid_request_error", "Stripe's API takes application/x-www-form-urlencoded bodies.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var key = request.Headers["Idempotency-Key"].ToString();
        IReadOnlyList<StandInEvent> events = [];
        try
        {
            var (status, body, replayed) = idempotency.Execute(
                ApiKey(request) ?? string.Empty,
                key,
                "POST /v1/payment_intents\n" + StripeApiForms.Fingerprint(form),
                () =>
                {
                    var (created, action) = charges.CreatePaymentIntent(StripeApiForms.ParseCharge(form, key.Length == 0 ? null : key));
                    events = action.Events;
                    return (created, action.Body.ToJsonString());
                });
            if (replayed)
            {
                request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }

            await sender.DeliverForAnswerAsync(events, request.HttpContext);
            return Results.Content(body, "application/json", Encoding.UTF8, status);
        }
        catch (StandInException ex)
        {
            return StripeError(ex);
        }
    }

    /// <summary>
    /// A subscription update (new price, pause, end at period end): answers the subscription and sends
    /// <c>customer.subscription.updated</c> (before the answer unless configured otherwise, as for charges).
    /// </summary>
    private static async Task<IResult> UpdateSubscriptionAsync(
        string id,
        HttpRequest request,
        StandInSubscriptions subscriptions,
        StripeIdempotencyCache idempotency,
        StripeWebhookSender sender)
    {
        if (!request.HasFormContentType)
        {
            return StripeError(400, "invalid_request_error", "Stripe's API takes application/x-www-form-urlencoded bodies.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        IReadOnlyList<StandInEvent> events = [];
        try
        {
            var (status, body, replayed) = idempotency.Execute(
                ApiKey(request) ?? string.Empty,
                request.Headers["Idempotency-Key"].ToString(),
                $"POST /v1/subscriptions/{id}\n" + StripeApiForms.Fingerprint(form),
                () =>
                {
                    var action = subscriptions.Update(id, StandInSubscriptionUpdate.Parse(form));
                    events = action.Events;
                    return (200, action.Body.ToJsonString());
                });
            if (replayed)
            {
                request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }

            await sender.DeliverForAnswerAsync(events, request.HttpContext);
            return Results.Content(body, "application/json", Encoding.UTF8, status);
        }
        catch (StandInException ex)
        {
            return StripeError(ex);
        }
    }

    /// <summary>Stripe.net sends <c>expand[0]=a&amp;expand[1]=b</c>; curl users write <c>expand[]=a</c>.</summary>
    private static HashSet<string> Expansions(IQueryCollection query) =>
        query.Where(q => q.Key == "expand" || q.Key.StartsWith("expand[", StringComparison.Ordinal))
            .SelectMany(q => q.Value)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static async ValueTask<object?> RequireSecretKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var key = ApiKey(request);
        if (key is null)
        {
            return StripeError(
                401,
                "invalid_request_error",
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }

        var expected = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Stripe:SecretKey"];
        if (string.IsNullOrEmpty(expected) || !string.Equals(key, expected, StringComparison.Ordinal))
        {
            var shown = key.Length > 4 ? new string('*', key.Length - 4) + key[^4..] : "****";
            return StripeError(401, "invalid_request_error", $"Invalid API Key provided: {shown}", code: "api_key_invalid");
        }

        return await next(context);
    }

    private static string? ApiKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length == 0 ? null : token;
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var user = decoded.Split(':', 2)[0];
                return user.Length == 0 ? null : user;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    private static IResult Run(Func<JsonObject> action)
    {
        try
        {
            return Results.Content(action().ToJsonString(), "application/json", Encoding.UTF8);
        }
        catch (StandInException ex)
        {
            return StripeError(ex);
        }
    }

    public static IResult StripeError(StandInException ex) =>
        StripeError(ex.Status, ex.Status == 400 && ex.Code == "idempotency_key_in_use" ? "idempotency_error" : "invalid_request_error", ex.Message, ex.Param, ex.Code);

    private static IResult StripeError(int status, string type, string message, string? param = null, string? code = null) =>
        Results.Content(StripeObjectJson.Error(type, message, param, code).ToJsonString(), "application/json", Encoding.UTF8, status);

}
