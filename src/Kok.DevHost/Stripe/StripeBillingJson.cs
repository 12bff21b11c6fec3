using System.Text.Json.Nodes;
using static Kok.DevHost.Stripe.StripeObjectJson;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Invoices and subscriptions in Stripe's JSON shape (see <see cref="StripeObjectJson"/> for the conventions).
/// </summary>
internal static class StripeBillingJson
{
    /// <summary>
    /// An invoice in the shape since API version "basil": subscription and its metadata under
    /// <c>parent.subscription_details</c>. Like Stripe's webhook payloads it leaves out the includable
    /// <c>payments</c> list.
    /// </summary>
    public static JsonObject Invoice(StandInInvoice i, StandInSubscription sub)
    {
        var paid = i.Status == "paid";
        var created = Unix(i.Created);
        return new JsonObject
        {
            ["id"] = i.Id,
            ["object"] = "invoice",
            ["account_country"] = "DE",
            ["account_name"] = "KOK e.V.",
            ["account_tax_ids"] = null,
            ["amount_due"] = i.AmountCents,
            ["amount_overpaid"] = 0,
            ["amount_paid"] = paid ? i.AmountCents : 0,
            ["amount_remaining"] = paid ? 0 : i.AmountCents,
            ["amount_shipping"] = 0,
            ["application"] = null,
            ["attempt_count"] = i.AttemptCount,
            ["attempted"] = true,
            ["auto_advance"] = !paid,
            ["automatic_tax"] = new JsonObject
            {
                ["disabled_reason"] = null, ["enabled"] = false, ["liability"] = null, ["provider"] = null, ["status"] = null,
            },
            ["automatically_finalizes_at"] = null,
            ["billing_reason"] = i.BillingReason,
            ["collection_method"] = "charge_automatically",
            ["confirmation_secret"] = null,
            ["created"] = created,
            ["currency"] = sub.Currency,
            ["custom_fields"] = null,
            ["customer"] = i.CustomerId,
            ["customer_address"] = null,
            ["customer_email"] = i.CustomerEmail,
            ["customer_name"] = null,
            ["customer_phone"] = null,
            ["customer_shipping"] = null,
            ["customer_tax_exempt"] = "none",
            ["customer_tax_ids"] = new JsonArray(),
            ["default_payment_method"] = null,
            ["default_source"] = null,
            ["default_tax_rates"] = new JsonArray(),
            ["description"] = null,
            ["discounts"] = new JsonArray(),
            ["due_date"] = null,
            ["effective_at"] = created,
            ["ending_balance"] = 0,
            ["footer"] = null,
            ["from_invoice"] = null,
            ["hosted_invoice_url"] = null,
            ["invoice_pdf"] = null,
            ["issuer"] = new JsonObject { ["type"] = "self" },
            ["last_finalization_error"] = null,
            ["latest_revision"] = null,
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(LineItem(i, sub)),
                ["has_more"] = false,
                ["total_count"] = 1,
                ["url"] = $"/v1/invoices/{i.Id}/lines",
            },
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["next_payment_attempt"] = i.NextPaymentAttempt is { } next ? Unix(next) : null,
            ["number"] = i.Number,
            ["on_behalf_of"] = null,
            ["parent"] = new JsonObject
            {
                ["quote_details"] = null,
                ["subscription_details"] = new JsonObject
                {
                    ["metadata"] = Map(i.SubscriptionMetadata),
                    ["subscription"] = i.SubscriptionId,
                },
                ["type"] = "subscription_details",
            },
            ["payment_settings"] = new JsonObject
            {
                ["default_mandate"] = null, ["payment_method_options"] = null, ["payment_method_types"] = null,
            },
            ["period_end"] = created,
            ["period_start"] = created,
            ["post_payment_credit_notes_amount"] = 0,
            ["pre_payment_credit_notes_amount"] = 0,
            ["receipt_number"] = null,
            ["rendering"] = null,
            ["shipping_cost"] = null,
            ["shipping_details"] = null,
            ["starting_balance"] = 0,
            ["statement_descriptor"] = null,
            ["status"] = i.Status,
            ["status_transitions"] = new JsonObject
            {
                ["finalized_at"] = created,
                ["marked_uncollectible_at"] = null,
                ["paid_at"] = i.PaidAt is { } at ? Unix(at) : null,
                ["voided_at"] = null,
            },
            ["subtotal"] = i.AmountCents,
            ["subtotal_excluding_tax"] = i.AmountCents,
            ["test_clock"] = null,
            ["total"] = i.AmountCents,
            ["total_discount_amounts"] = new JsonArray(),
            ["total_excluding_tax"] = i.AmountCents,
            ["total_pretax_credit_amounts"] = new JsonArray(),
            ["total_taxes"] = new JsonArray(),
            ["webhooks_delivered_at"] = null,
        };
    }

    /// <summary>
    /// An invoice's default payment (object <c>invoice_payment</c>, as in <c>invoice_payment.paid</c>): the link
    /// between the invoice and the payment intent that paid it.
    /// </summary>
    public static JsonObject InvoicePayment(StandInInvoice i, StandInSubscription sub)
    {
        var paid = i.Status == "paid";
        return new JsonObject
        {
            ["id"] = i.InvoicePaymentId,
            ["object"] = "invoice_payment",
            ["amount_paid"] = paid ? i.AmountCents : null,
            ["amount_requested"] = i.AmountCents,
            ["created"] = Unix(i.Created),
            ["currency"] = sub.Currency,
            ["invoice"] = i.Id,
            ["is_default"] = true,
            ["livemode"] = false,
            ["payment"] = new JsonObject { ["payment_intent"] = i.PaymentIntentId, ["type"] = "payment_intent" },
            ["status"] = paid ? "paid" : "open",
            ["status_transitions"] = new JsonObject
            {
                ["canceled_at"] = null,
                ["paid_at"] = i.PaidAt is { } at ? Unix(at) : null,
            },
        };
    }

    public static JsonObject Subscription(StandInSubscription s)
    {
        var ended = s.CanceledAt is { } canceled ? Unix(canceled) : (long?)null;
        return new JsonObject
        {
            ["id"] = s.Id,
            ["object"] = "subscription",
            ["application"] = null,
            ["application_fee_percent"] = null,
            ["automatic_tax"] = new JsonObject { ["disabled_reason"] = null, ["enabled"] = false, ["liability"] = null },
            ["billing_cycle_anchor"] = Unix(s.Created),
            ["billing_cycle_anchor_config"] = null,
            ["billing_mode"] = new JsonObject { ["flexible"] = null, ["type"] = "classic" },
            ["billing_thresholds"] = null,
            ["cancel_at"] = s.CancelAtPeriodEnd ? Unix(s.CurrentPeriodEnd) : null,
            ["cancel_at_period_end"] = s.CancelAtPeriodEnd,
            ["canceled_at"] = ended,
            ["cancellation_details"] = new JsonObject
            {
                ["comment"] = null,
                ["feedback"] = null,
                ["reason"] = ended is null ? null : s.CancellationReason,
            },
            ["collection_method"] = "charge_automatically",
            ["created"] = Unix(s.Created),
            ["currency"] = s.Currency,
            ["customer"] = s.CustomerId,
            ["days_until_due"] = null,
            ["default_payment_method"] = s.PaymentMethodId,
            ["default_source"] = null,
            ["default_tax_rates"] = new JsonArray(),
            ["description"] = null,
            ["discounts"] = new JsonArray(),
            ["ended_at"] = ended,
            ["invoice_settings"] = new JsonObject { ["account_tax_ids"] = null, ["issuer"] = new JsonObject { ["type"] = "self" } },
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = s.ItemId,
                    ["object"] = "subscription_item",
                    ["billing_thresholds"] = null,
                    ["created"] = Unix(s.Created),
                    ["current_period_end"] = Unix(s.CurrentPeriodEnd),
                    ["current_period_start"] = Unix(s.CurrentPeriodStart),
                    ["discounts"] = new JsonArray(),
                    ["metadata"] = new JsonObject(),
                    ["price"] = Price(s),
                    ["quantity"] = 1,
                    ["subscription"] = s.Id,
                    ["tax_rates"] = new JsonArray(),
                }),
                ["has_more"] = false,
                ["total_count"] = 1,
                ["url"] = $"/v1/subscription_items?subscription={s.Id}",
            },
            ["latest_invoice"] = s.LatestInvoiceId,
            ["livemode"] = false,
            ["metadata"] = Map(s.Metadata),
            ["next_pending_invoice_item_invoice"] = null,
            ["on_behalf_of"] = null,
            ["pause_collection"] = s.PauseBehavior is { } behavior
                ? new JsonObject { ["behavior"] = behavior, ["resumes_at"] = s.PauseResumesAt is { } resumes ? Unix(resumes) : null }
                : null,
            ["payment_settings"] = new JsonObject
            {
                ["payment_method_options"] = null,
                ["payment_method_types"] = null,
                ["save_default_payment_method"] = "off",
            },
            ["pending_invoice_item_interval"] = null,
            ["pending_setup_intent"] = null,
            ["pending_update"] = null,
            ["schedule"] = null,
            ["start_date"] = Unix(s.Created),
            ["status"] = s.Status,
            ["test_clock"] = null,
            ["transfer_data"] = null,
            ["trial_end"] = null,
            ["trial_settings"] = new JsonObject
            {
                ["end_behavior"] = new JsonObject { ["missing_payment_method"] = "create_invoice" },
            },
            ["trial_start"] = null,
        };
    }

    private static JsonObject LineItem(StandInInvoice i, StandInSubscription sub) => new()
    {
        ["id"] = i.LineItemId,
        ["object"] = "line_item",
        ["amount"] = i.AmountCents,
        ["currency"] = sub.Currency,
        ["description"] = $"1 × {sub.ProductName} (at €{i.AmountCents / 100m:0.00} / month)",
        ["discount_amounts"] = new JsonArray(),
        ["discountable"] = true,
        ["discounts"] = new JsonArray(),
        ["invoice"] = i.Id,
        ["livemode"] = false,
        ["metadata"] = Map(i.SubscriptionMetadata),
        ["parent"] = new JsonObject
        {
            ["invoice_item_details"] = null,
            ["subscription_item_details"] = new JsonObject
            {
                ["invoice_item"] = null,
                ["proration"] = false,
                ["proration_details"] = new JsonObject { ["credited_items"] = null },
                ["subscription"] = sub.Id,
                ["subscription_item"] = sub.ItemId,
            },
            ["type"] = "subscription_item_details",
        },
        ["period"] = new JsonObject { ["end"] = Unix(i.ServicePeriodEnd), ["start"] = Unix(i.ServicePeriodStart) },
        ["pretax_credit_amounts"] = new JsonArray(),
        ["pricing"] = new JsonObject
        {
            ["price_details"] = new JsonObject { ["price"] = sub.PriceId, ["product"] = sub.ProductId },
            ["type"] = "price_details",
            ["unit_amount_decimal"] = i.AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ["quantity"] = 1,
        ["taxes"] = new JsonArray(),
    };

    private static JsonObject Price(StandInSubscription s) => new()
    {
        ["id"] = s.PriceId,
        ["object"] = "price",
        ["active"] = false,
        ["billing_scheme"] = "per_unit",
        ["created"] = Unix(s.Created),
        ["currency"] = s.Currency,
        ["custom_unit_amount"] = null,
        ["livemode"] = false,
        ["lookup_key"] = null,
        ["metadata"] = new JsonObject(),
        ["nickname"] = null,
        ["product"] = s.ProductId,
        ["recurring"] = new JsonObject
        {
            ["interval"] = "month", ["interval_count"] = 1, ["meter"] = null, ["usage_type"] = "licensed",
        },
        ["tax_behavior"] = "unspecified",
        ["tiers_mode"] = null,
        ["transform_quantity"] = null,
        ["type"] = "recurring",
        ["unit_amount"] = s.AmountCents,
        ["unit_amount_decimal"] = s.AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
