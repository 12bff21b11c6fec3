using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Reads the form-encoded bodies of the stand-in's API calls (<see cref="StripeApiEndpoints"/>) as Stripe reads them:
/// bracketed keys (<c>line_items[0][price_data][unit_amount]</c>, <c>metadata[key]</c>), Stripe's error for a
/// missing or malformed parameter, and a fingerprint of the body for idempotency.
/// </summary>
internal static class StripeApiForms
{
    private static readonly string[] SupportedPaymentMethods = ["card", "sepa_debit"];

    internal static StandInChargeRequest ParseCharge(IFormCollection form, string? idempotencyKey)
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

    internal static string Fingerprint(IFormCollection form) =>
        string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    internal static StandInSession ParseSession(IFormCollection form, DateTimeOffset now, string checkoutBase)
    {
        var mode = Required(form, "mode");
        if (mode is not ("payment" or "subscription" or "setup"))
        {
            throw new StandInException(400, $"Invalid mode '{mode}': the Stripe stand-in supports payment, subscription and setup.", "mode");
        }

        if (mode == "setup")
        {
            return ParseSetupSession(form, now, checkoutBase);
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

    /// <summary>
    /// A session in <c>setup</c> mode: no line items, only a payment method saved on the customer (card or SEPA; SEPA
    /// needs <c>currency=eur</c>), <c>setup_intent_data[metadata]</c> for the SetupIntent it makes.
    /// </summary>
    private static StandInSession ParseSetupSession(IFormCollection form, DateTimeOffset now, string checkoutBase)
    {
        var refused = form.Keys.FirstOrDefault(k => k.StartsWith("line_items", StringComparison.Ordinal)
            || k.StartsWith("payment_intent_data", StringComparison.Ordinal) || k.StartsWith("subscription_data", StringComparison.Ordinal)
            || k is "customer_creation" or "submit_type");
        if (refused is not null)
        {
            throw new StandInException(400, $"You can not pass `{refused.Split('[')[0]}` in `setup` mode.", refused.Split('[')[0]);
        }

        var methods = List(form, "allowed_payment_method_types");
        if (methods.Count == 0)
        {
            methods = List(form, "payment_method_types");
        }

        if (methods.Count == 0 || methods.Any(m => !SupportedPaymentMethods.Contains(m)))
        {
            throw new StandInException(400, "The Stripe stand-in sets up card and sepa_debit methods; name them in allowed_payment_method_types.", "allowed_payment_method_types");
        }

        var currency = Optional(form, "currency");
        if (methods.Contains("sepa_debit") && currency != "eur")
        {
            throw new StandInException(400, "The payment method `sepa_debit` only supports `eur`: pass currency=eur.", "currency");
        }

        var id = "cs_test_" + StripeIds.Random(58);
        return new StandInSession
        {
            Id = id,
            Mode = "setup",
            AmountCents = 0,
            Currency = currency ?? "eur",
            ProductName = "Zahlungsart einrichten / Set up a payment method",
            PaymentMethodTypes = methods,
            ClientReferenceId = Optional(form, "client_reference_id"),
            Metadata = Metadata(form, "metadata"),
            PaymentIntentMetadata = [],
            SubscriptionMetadata = [],
            SetupIntentMetadata = Metadata(form, "setup_intent_data[metadata]"),
            CustomerEmail = Optional(form, "customer_email"),
            CustomerId = Optional(form, "customer"),
            Locale = Optional(form, "locale"),
            SuccessUrl = Required(form, "success_url"),
            CancelUrl = Optional(form, "cancel_url"),
            CheckoutUrl = checkoutBase + id,
            Created = now,
            ExpiresAt = now.AddHours(24),
        };
    }

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

    internal static string Required(IFormCollection form, string key) =>
        Optional(form, key) ?? throw new StandInException(400, $"Missing required param: {key}.", key);

    internal static string? Optional(IFormCollection form, string key) =>
        form.TryGetValue(key, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    internal static long Long(IFormCollection form, string key, string missing)
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
