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
    private static readonly string[] SupportedPaymentMethods = ["card", "sepa_debit"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(StripeStandInAddresses.ApiPrefix + "/v1").AddEndpointFilter(RequireSecretKey);

        v1.MapPost("/checkout/sessions", CreateSessionAsync);
        v1.MapPost("/payment_intents", CreatePaymentIntentAsync);
        v1.MapGet("/checkout/sessions/{id}", (string id, StripeStandInStore store) => Run(() => store.SessionJson(id)));
        v1.MapGet("/payment_intents/{id}", (string id, HttpRequest request, StripeStandInStore store) =>
            Run(() => store.PaymentIntentJson(id, Expansions(request.Query))));
        v1.MapGet("/mandates/{id}", (string id, StripeStandInStore store) => Run(() => store.MandateJson(id)));
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
        var fingerprint = Fingerprint(form);
        var checkoutBase = addresses.BrowserBaseUrl(request) + "/dev/stripe/checkout/";
        try
        {
            var (status, body, replayed) = idempotency.Execute(
                ApiKey(request) ?? string.Empty,
                request.Headers["Idempotency-Key"].ToString(),
                "POST /v1/checkout/sessions\n" + fingerprint,
                () => (200, store.AddSession(ParseSession(form, store.Now, checkoutBase)).ToJsonString()));
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
                "POST /v1/payment_intents\n" + Fingerprint(form),
                () =>
                {
                    var (created, action) = charges.CreatePaymentIntent(ParseCharge(form, key.Length == 0 ? null : key));
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

    private static StandInChargeRequest ParseCharge(IFormCollection form, string? idempotencyKey)
    {
        var amount = Long(form, "amount", "Missing required param: amount.");
        var currency = Required(form, "currency");
        if (currency != "eur")
        {
            throw new StandInException(400, $"The Stripe stand-in only charges eur, not '{currency}'.", "currency");
        }

        if (amount < 50)
        {
            throw new StandInException(400, "Amount must be at least €0.50 eur", "amount", "amount_too_small");
        }

        if (Optional(form, "confirm") != "true" || Optional(form, "off_session") != "true")
        {
            throw new StandInException(
                400,
                "The Stripe stand-in only creates PaymentIntents confirmed off-session (confirm=true, off_session=true) on a saved payment method.",
                Optional(form, "confirm") != "true" ? "confirm" : "off_session");
        }

        var types = List(form, "allowed_payment_method_types");
        if (types.Count == 0)
        {
            types = List(form, "payment_method_types");
        }

        return new StandInChargeRequest(
            amount,
            Required(form, "customer"),
            Required(form, "payment_method"),
            types,
            Metadata(form, "metadata"),
            Optional(form, "description"),
            idempotencyKey);
    }

    private static string Fingerprint(IFormCollection form) =>
        string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    private static StandInSession ParseSession(IFormCollection form, DateTimeOffset now, string checkoutBase)
    {
        var mode = Required(form, "mode");
        if (mode is not ("payment" or "subscription"))
        {
            throw new StandInException(400, $"Invalid mode '{mode}': the Stripe stand-in supports payment and subscription.", "mode");
        }

        var successUrl = Required(form, "success_url");
        var subscription = mode == "subscription";

        long total = 0;
        string? currency = null;
        string? productName = null;
        string? interval = null;
        var index = 0;
        for (; form.ContainsKey($"line_items[{index}][quantity]") || HasPrefix(form, $"line_items[{index}]"); index++)
        {
            var item = $"line_items[{index}]";
            if (form.ContainsKey(item + "[price]"))
            {
                throw new StandInException(400, "The Stripe stand-in only supports inline price_data.", item + "[price]");
            }

            var quantity = Long(form, item + "[quantity]", "Quantity is required. Add `quantity` to `" + item + "`.");
            var unitAmount = Long(form, item + "[price_data][unit_amount]", $"Missing required param: {item}[price_data][unit_amount].");
            var itemCurrency = Required(form, item + "[price_data][currency]");
            if (currency is not null && currency != itemCurrency)
            {
                throw new StandInException(400, "All line items must use the same currency.", item + "[price_data][currency]");
            }

            currency = itemCurrency;
            productName ??= Required(form, item + "[price_data][product_data][name]");
            var itemInterval = Optional(form, item + "[price_data][recurring][interval]");
            if (itemInterval is not null && itemInterval != "month")
            {
                throw new StandInException(400, "The Stripe stand-in only renews monthly prices.", item + "[price_data][recurring][interval]");
            }

            if (itemInterval is not null && !subscription)
            {
                throw new StandInException(
                    400,
                    "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
                    item + "[price_data][recurring]");
            }

            interval ??= itemInterval;
            total += quantity * unitAmount;
        }

        if (index == 0)
        {
            throw new StandInException(400, "Missing required param: line_items.", "line_items");
        }

        if (subscription && interval is null)
        {
            throw new StandInException(400, "You must provide at least one recurring price in `subscription` mode when using prices.", "line_items");
        }

        if (total < 50)
        {
            throw new StandInException(400, "The Checkout Session's total amount due must add up to at least €0.50 eur", "line_items");
        }

        var methods = List(form, "allowed_payment_method_types");
        if (methods.Count == 0)
        {
            methods = List(form, "payment_method_types");
        }

        if (methods.Count == 0)
        {
            methods = ["card"];
        }

        foreach (var method in methods)
        {
            if (!SupportedPaymentMethods.Contains(method))
            {
                throw new StandInException(400, $"The Stripe stand-in supports card and sepa_debit, not '{method}'.", "allowed_payment_method_types");
            }
        }

        if (methods.Contains("sepa_debit") && currency != "eur")
        {
            throw new StandInException(400, "The payment method `sepa_debit` only supports `eur`.", "allowed_payment_method_types");
        }

        if (subscription && HasPrefix(form, "payment_intent_data"))
        {
            throw new StandInException(400, "You can not pass `payment_intent_data` in `subscription` mode.", "payment_intent_data");
        }

        if (!subscription && HasPrefix(form, "subscription_data"))
        {
            throw new StandInException(400, "You can not pass `subscription_data` in `payment` mode.", "subscription_data");
        }

        var customer = Optional(form, "customer");
        if (customer is not null && Optional(form, "customer_email") is not null)
        {
            throw new StandInException(400, "You may only specify one of these parameters: customer, customer_email.", "customer");
        }

        if (customer is not null && Optional(form, "customer_creation") is not null)
        {
            throw new StandInException(400, "You may only specify one of these parameters: customer, customer_creation.", "customer");
        }

        var id = "cs_test_" + StripeIds.Random(58);
        return new StandInSession
        {
            Id = id,
            Mode = mode,
            AmountCents = total,
            Currency = currency!,
            ProductName = productName!,
            RecurringInterval = interval,
            PaymentMethodTypes = methods,
            ClientReferenceId = Optional(form, "client_reference_id"),
            Metadata = Metadata(form, "metadata"),
            PaymentIntentMetadata = Metadata(form, "payment_intent_data[metadata]"),
            SubscriptionMetadata = Metadata(form, "subscription_data[metadata]"),
            CustomerEmail = Optional(form, "customer_email"),
            CustomerId = customer,
            Locale = Optional(form, "locale"),
            SubmitType = Optional(form, "submit_type"),
            CustomerCreation = CustomerCreation(form, subscription),
            SetupFutureUsage = SetupFutureUsage(form),
            SuccessUrl = successUrl,
            CancelUrl = Optional(form, "cancel_url"),
            CheckoutUrl = checkoutBase + id,
            Created = now,
            ExpiresAt = now.AddHours(24),
        };
    }

    /// <summary>Stripe.net sends <c>expand[0]=a&amp;expand[1]=b</c>; curl users write <c>expand[]=a</c>.</summary>
    private static HashSet<string> Expansions(IQueryCollection query) =>
        query.Where(q => q.Key == "expand" || q.Key.StartsWith("expand[", StringComparison.Ordinal))
            .SelectMany(q => q.Value)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static string? CustomerCreation(IFormCollection form, bool subscription)
    {
        var value = Optional(form, "customer_creation");
        if (value is not null && subscription)
        {
            throw new StandInException(400, "`customer_creation` can only be used in `payment` mode.", "customer_creation");
        }

        if (value is not (null or "always" or "if_required"))
        {
            throw new StandInException(400, $"Invalid customer_creation: must be one of always or if_required", "customer_creation");
        }

        return value;
    }

    private static string? SetupFutureUsage(IFormCollection form)
    {
        var value = Optional(form, "payment_intent_data[setup_future_usage]");
        if (value is not (null or "off_session" or "on_session"))
        {
            throw new StandInException(400, "Invalid setup_future_usage: must be one of on_session or off_session", "payment_intent_data[setup_future_usage]");
        }

        return value;
    }

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

    private static string Required(IFormCollection form, string key) =>
        Optional(form, key) ?? throw new StandInException(400, $"Missing required param: {key}.", key);

    private static string? Optional(IFormCollection form, string key) =>
        form.TryGetValue(key, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    private static long Long(IFormCollection form, string key, string missing)
    {
        var text = Optional(form, key) ?? throw new StandInException(400, missing, key);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StandInException(400, $"Invalid integer: {text}", key);
    }

    private static bool HasPrefix(IFormCollection form, string prefix) =>
        form.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    private static List<string> List(IFormCollection form, string name)
    {
        var values = new List<string>();
        for (var i = 0; Optional(form, $"{name}[{i}]") is { } value; i++)
        {
            values.Add(value);
        }

        return values;
    }

    private static Dictionary<string, string> Metadata(IFormCollection form, string prefix)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (key.StartsWith(prefix + "[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                var name = key[(prefix.Length + 1)..^1];
                if (!name.Contains('[', StringComparison.Ordinal))
                {
                    metadata[name] = value.ToString();
                }
            }
        }

        return metadata;
    }
}
