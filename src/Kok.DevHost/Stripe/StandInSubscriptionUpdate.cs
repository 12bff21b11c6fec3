using System.Globalization;

namespace Kok.DevHost.Stripe;

/// <summary>
/// The parameters of <c>POST /v1/subscriptions/{id}</c> that the stand-in serves, read as Stripe reads them: a new
/// inline price for the existing item (<c>items[0][id]</c> with <c>items[0][price_data][…]</c>), <c>proration_behavior</c>,
/// <c>pause_collection[behavior|resumes_at]</c> (an empty <c>pause_collection</c> resumes), <c>cancel_at_period_end</c>,
/// <c>default_payment_method</c> (a method saved on the subscription's customer, charged from the next invoice).
/// Any other parameter is refused as Stripe refuses an unknown one, so the adapter cannot rely on what is not served.
/// </summary>
internal sealed record StandInSubscriptionUpdate(
    string? ItemId,
    long? UnitAmount,
    string? Currency,
    string? ProductId,
    bool ClearPause,
    string? PauseBehavior,
    DateTimeOffset? PauseResumesAt,
    bool? CancelAtPeriodEnd,
    string? DefaultPaymentMethod = null)
{
    private const string PriceData = "items[0][price_data]";

    private static readonly HashSet<string> Known =
    [
        "items[0][id]", PriceData + "[currency]", PriceData + "[product]", PriceData + "[unit_amount]",
        PriceData + "[recurring][interval]", PriceData + "[recurring][interval_count]", "proration_behavior",
        "pause_collection", "pause_collection[behavior]", "pause_collection[resumes_at]", "cancel_at_period_end", "default_payment_method",
    ];

    public static StandInSubscriptionUpdate Parse(IFormCollection form)
    {
        if (form.Keys.FirstOrDefault(k => !Known.Contains(k) && !k.StartsWith("expand[", StringComparison.Ordinal)) is { } unknown)
        {
            throw new StandInException(400, $"Received unknown parameter: {unknown}. The Stripe stand-in serves only the subscription changes the KOK backend makes.", unknown, "parameter_unknown");
        }

        long? amount = null;
        string? currency = null;
        string? product = null;
        var itemId = StripeApiForms.Optional(form, "items[0][id]");
        if (form.Keys.Any(k => k.StartsWith(PriceData, StringComparison.Ordinal)))
        {
            if (itemId is null)
            {
                throw new StandInException(400, "The Stripe stand-in only replaces the price of the existing item: name it by items[0][id].", "items[0][id]");
            }

            amount = StripeApiForms.Long(form, PriceData + "[unit_amount]", $"Missing required param: {PriceData}[unit_amount].");
            currency = StripeApiForms.Required(form, PriceData + "[currency]");
            product = StripeApiForms.Required(form, PriceData + "[product]");
            if (StripeApiForms.Required(form, PriceData + "[recurring][interval]") != "month"
                || (StripeApiForms.Optional(form, PriceData + "[recurring][interval_count]") ?? "1") != "1")
            {
                throw new StandInException(400, "The Stripe stand-in only serves monthly prices.", PriceData + "[recurring][interval]");
            }

            if (amount < 50)
            {
                throw new StandInException(400, "Amount must be at least €0.50 eur", PriceData + "[unit_amount]", "amount_too_small");
            }
        }

        if (StripeApiForms.Optional(form, "proration_behavior") is { } proration && proration is not ("none" or "create_prorations" or "always_invoice"))
        {
            throw new StandInException(400, $"Invalid proration_behavior: must be one of none, create_prorations, or always_invoice", "proration_behavior");
        }

        var clearPause = form.ContainsKey("pause_collection") && StripeApiForms.Optional(form, "pause_collection") is null;
        var behavior = StripeApiForms.Optional(form, "pause_collection[behavior]");
        if (behavior is not (null or "void" or "keep_as_draft" or "mark_uncollectible"))
        {
            throw new StandInException(400, "Invalid pause_collection[behavior]: must be one of keep_as_draft, mark_uncollectible, or void", "pause_collection[behavior]");
        }

        DateTimeOffset? resumesAt = null;
        if (StripeApiForms.Optional(form, "pause_collection[resumes_at]") is not null)
        {
            if (behavior is null)
            {
                throw new StandInException(400, "Missing required param: pause_collection[behavior].", "pause_collection[behavior]");
            }

            resumesAt = DateTimeOffset.FromUnixTimeSeconds(StripeApiForms.Long(form, "pause_collection[resumes_at]", string.Empty));
        }

        bool? cancel = StripeApiForms.Optional(form, "cancel_at_period_end") switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw new StandInException(400, $"Invalid boolean: {other}", "cancel_at_period_end"),
        };
        return new StandInSubscriptionUpdate(
            itemId, amount, currency, product, clearPause, behavior, resumesAt, cancel, StripeApiForms.Optional(form, "default_payment_method"));
    }

    /// <summary>Stripe's own refusals of the update for this subscription; nothing is changed when one applies.</summary>
    /// <param name="savedMethods">The payment methods saved on the subscription's customer (id → type).</param>
    public void CheckAgainst(StandInSubscription subscription, DateTimeOffset now, IReadOnlyDictionary<string, string> savedMethods)
    {
        if (DefaultPaymentMethod is { } method && !savedMethods.ContainsKey(method))
        {
            throw new StandInException(
                400,
                $"The customer does not have a payment method with the ID {method}. The payment method must be attached to the customer.",
                "default_payment_method",
                "resource_missing");
        }

        if (subscription.Status == "canceled")
        {
            throw new StandInException(400, "A canceled subscription can only update its cancellation_details and metadata.");
        }

        if (ItemId is not null && ItemId != subscription.ItemId)
        {
            throw new StandInException(400, $"No such subscription item: '{ItemId}'", "items[0][id]", "resource_missing");
        }

        if (Currency is not null && Currency != subscription.Currency)
        {
            throw new StandInException(400, string.Create(CultureInfo.InvariantCulture, $"The price's currency ({Currency}) must match the subscription's ({subscription.Currency})."), PriceData + "[currency]");
        }

        if (ProductId is not null && ProductId != subscription.ProductId)
        {
            throw new StandInException(400, $"No such product: '{ProductId}'", PriceData + "[product]", "resource_missing");
        }

        if (PauseResumesAt is { } resumes && resumes <= now)
        {
            throw new StandInException(400, "pause_collection[resumes_at] must be in the future.", "pause_collection[resumes_at]");
        }
    }
}
