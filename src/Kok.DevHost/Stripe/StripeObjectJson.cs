using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Renders stand-in state in the JSON shape of Stripe's API version pinned by Stripe.net
/// (<c>StripeConfiguration.ApiVersion</c>): the fields our adapter reads plus the common ones around them, so payloads
/// look like the real thing in logs and deserialize with Stripe.net.
/// </summary>
internal static class StripeObjectJson
{
    public static long Unix(DateTimeOffset value) => value.ToUnixTimeSeconds();

    public static JsonObject Session(StandInSession s)
    {
        var complete = s.Status == "complete";
        return new JsonObject
        {
            ["id"] = s.Id,
            ["object"] = "checkout.session",
            ["adaptive_pricing"] = null,
            ["after_expiration"] = null,
            ["allow_promotion_codes"] = null,
            ["allowed_payment_method_types"] = Strings(s.PaymentMethodTypes),
            ["amount_subtotal"] = s.AmountCents,
            ["amount_total"] = s.AmountCents,
            ["automatic_tax"] = new JsonObject { ["enabled"] = false, ["liability"] = null, ["provider"] = null, ["status"] = null },
            ["billing_address_collection"] = null,
            ["cancel_url"] = s.CancelUrl,
            ["client_reference_id"] = s.ClientReferenceId,
            ["client_secret"] = null,
            ["collected_information"] = null,
            ["consent"] = null,
            ["consent_collection"] = null,
            ["created"] = Unix(s.Created),
            ["currency"] = s.Currency,
            ["currency_conversion"] = null,
            ["custom_fields"] = new JsonArray(),
            ["custom_text"] = new JsonObject
            {
                ["after_submit"] = null,
                ["shipping_address"] = null,
                ["submit"] = null,
                ["terms_of_service_acceptance"] = null,
            },
            ["customer"] = s.CustomerId,
            ["customer_creation"] = s.IsSubscription ? null : s.CustomerCreation ?? "if_required",
            ["customer_details"] = complete
                ? new JsonObject
                {
                    ["address"] = Address(),
                    ["email"] = s.CustomerEmail,
                    ["name"] = null,
                    ["phone"] = null,
                    ["tax_exempt"] = "none",
                    ["tax_ids"] = new JsonArray(),
                }
                : null,
            ["customer_email"] = s.CustomerEmail,
            ["discounts"] = new JsonArray(),
            ["expires_at"] = Unix(s.ExpiresAt),
            ["invoice"] = s.InvoiceId,
            ["invoice_creation"] = s.IsSubscription
                ? null
                : new JsonObject
                {
                    ["enabled"] = false,
                    ["invoice_data"] = new JsonObject
                    {
                        ["account_tax_ids"] = null,
                        ["custom_fields"] = null,
                        ["description"] = null,
                        ["footer"] = null,
                        ["issuer"] = null,
                        ["metadata"] = new JsonObject(),
                        ["rendering_options"] = null,
                    },
                },
            ["livemode"] = false,
            ["locale"] = s.Locale,
            ["metadata"] = Map(s.Metadata),
            ["mode"] = s.Mode,
            ["origin_context"] = null,
            ["payment_intent"] = s.PaymentIntentId,
            ["payment_link"] = null,
            ["payment_method_collection"] = s.IsSubscription ? "always" : "if_required",
            ["payment_method_configuration_details"] = null,
            ["payment_method_options"] = s.PaymentMethodTypes.Contains("card")
                ? new JsonObject { ["card"] = new JsonObject { ["request_three_d_secure"] = "automatic" } }
                : new JsonObject(),
            ["payment_method_types"] = Strings(s.PaymentMethodTypes),
            ["payment_status"] = s.PaymentStatus,
            ["permissions"] = null,
            ["phone_number_collection"] = new JsonObject { ["enabled"] = false },
            ["recovered_from"] = null,
            ["saved_payment_method_options"] = null,
            ["setup_intent"] = null,
            ["shipping_address_collection"] = null,
            ["shipping_cost"] = null,
            ["shipping_options"] = new JsonArray(),
            ["status"] = s.Status,
            ["submit_type"] = s.SubmitType,
            ["subscription"] = s.SubscriptionId,
            ["success_url"] = s.SuccessUrl,
            ["total_details"] = new JsonObject { ["amount_discount"] = 0, ["amount_shipping"] = 0, ["amount_tax"] = 0 },
            ["ui_mode"] = "hosted",
            ["url"] = s.Status == "open" ? s.CheckoutUrl : null,
            ["wallet_options"] = null,
        };
    }

    /// <summary>
    /// A payment intent; <paramref name="paymentMethod"/> and <paramref name="latestCharge"/> are the expanded objects
    /// when the caller asked for them (<c>expand[]=payment_method</c>, <c>expand[]=latest_charge</c>), else ids.
    /// </summary>
    public static JsonObject PaymentIntent(StandInPaymentIntent p, JsonNode? paymentMethod, JsonNode? latestCharge) => new()
    {
        ["id"] = p.Id,
        ["object"] = "payment_intent",
        ["amount"] = p.AmountCents,
        ["amount_received"] = p.Status == "succeeded" ? p.AmountCents : 0,
        ["capture_method"] = "automatic",
        ["confirmation_method"] = "automatic",
        ["created"] = Unix(p.Created),
        ["currency"] = "eur",
        ["customer"] = p.CustomerId,
        ["description"] = p.Description,
        ["last_payment_error"] = p.FailureCode is null ? null : PaymentError(p),
        ["latest_charge"] = latestCharge,
        ["livemode"] = false,
        ["metadata"] = Map(p.Metadata),
        ["payment_method"] = paymentMethod,
        ["payment_method_types"] = Strings([p.PaymentMethodType]),
        ["setup_future_usage"] = p.SetupFutureUsage,
        ["status"] = p.Status,
    };

    /// <summary>The payment method behind a payment: the stand-in's test card 4242 or test IBAN ending 3000.</summary>
    public static JsonObject PaymentMethod(StandInPaymentIntent p)
    {
        var sepa = p.PaymentMethodType == "sepa_debit";
        var method = new JsonObject
        {
            ["id"] = p.PaymentMethodId,
            ["object"] = "payment_method",
            ["billing_details"] = new JsonObject
            {
                ["address"] = Address(), ["email"] = null, ["name"] = null, ["phone"] = null, ["tax_id"] = null,
            },
            ["created"] = Unix(p.Created),
            ["customer"] = p.SetupFutureUsage is null && !p.OffSession ? null : p.CustomerId,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["type"] = p.PaymentMethodType,
        };
        if (sepa)
        {
            method["sepa_debit"] = new JsonObject
            {
                ["bank_code"] = "37040044",
                ["branch_code"] = null,
                ["country"] = "DE",
                ["fingerprint"] = "StandInSepa0001",
                ["generated_from"] = new JsonObject { ["charge"] = null, ["setup_attempt"] = null },
                ["last4"] = "3000",
            };
        }
        else
        {
            method["card"] = new JsonObject
            {
                ["brand"] = "visa",
                ["country"] = "DE",
                ["exp_month"] = 12,
                ["exp_year"] = 2034,
                ["fingerprint"] = "StandInCard0001",
                ["funding"] = "credit",
                ["last4"] = "4242",
            };
        }

        return method;
    }

    /// <summary>A SEPA Direct Debit mandate accepted online at checkout, usable for any later debit.</summary>
    public static JsonObject Mandate(StandInMandate m) => new()
    {
        ["id"] = m.Id,
        ["object"] = "mandate",
        ["customer_acceptance"] = new JsonObject
        {
            ["accepted_at"] = Unix(m.AcceptedAt),
            ["online"] = new JsonObject { ["ip_address"] = "127.0.0.1", ["user_agent"] = "Kok.DevHost Stripe stand-in" },
            ["type"] = "online",
        },
        ["livemode"] = false,
        ["multi_use"] = new JsonObject(),
        ["on_behalf_of"] = null,
        ["payment_method"] = m.PaymentMethodId,
        ["payment_method_details"] = new JsonObject
        {
            ["sepa_debit"] = new JsonObject
            {
                ["reference"] = m.Reference,
                // Stripe's hosted mandate page; the stand-in does not serve it.
                ["url"] = "https://payments.stripe.com/sepa_debit/mandate/" + m.Id,
            },
            ["type"] = "sepa_debit",
        },
        ["status"] = "active",
        ["type"] = "multi_use",
    };

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
            ["attempt_count"] = 1,
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
            ["next_payment_attempt"] = null,
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
            ["cancel_at"] = null,
            ["cancel_at_period_end"] = false,
            ["canceled_at"] = ended,
            ["cancellation_details"] = new JsonObject
            {
                ["comment"] = null,
                ["feedback"] = null,
                ["reason"] = ended is null ? null : "cancellation_requested",
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
            ["pause_collection"] = null,
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

    /// <summary>A charge; like Stripe's it carries no metadata of ours (that lives on the payment intent).</summary>
    public static JsonObject Charge(StandInCharge c)
    {
        var succeeded = c.Status == "succeeded";
        var failed = c.Status == "failed";
        return new JsonObject
        {
            ["id"] = c.Id,
            ["object"] = "charge",
            ["amount"] = c.AmountCents,
            ["amount_captured"] = succeeded ? c.AmountCents : 0,
            ["amount_refunded"] = c.AmountRefundedCents,
            ["application"] = null,
            ["application_fee"] = null,
            ["application_fee_amount"] = null,
            ["balance_transaction"] = succeeded ? "txn_" + c.Id[3..] : null,
            ["billing_details"] = new JsonObject
            {
                ["address"] = Address(), ["email"] = null, ["name"] = null, ["phone"] = null, ["tax_id"] = null,
            },
            ["calculated_statement_descriptor"] = "KOK E.V.",
            ["captured"] = succeeded,
            ["created"] = Unix(c.Created),
            ["currency"] = "eur",
            ["customer"] = c.CustomerId,
            ["description"] = null,
            ["destination"] = null,
            ["dispute"] = null,
            ["disputed"] = false,
            ["failure_balance_transaction"] = null,
            ["failure_code"] = failed ? "insufficient_funds" : null,
            ["failure_message"] = failed ? "The account has insufficient funds to cover this payment." : null,
            ["fraud_details"] = new JsonObject(),
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["on_behalf_of"] = null,
            ["outcome"] = new JsonObject
            {
                ["advice_code"] = null,
                ["network_advice_code"] = null,
                ["network_decline_code"] = null,
                ["network_status"] = failed ? "declined_by_network" : "approved_by_network",
                ["reason"] = null,
                ["risk_level"] = "normal",
                ["seller_message"] = failed ? "The bank returned the decline code `insufficient_funds`." : "Payment complete.",
                ["type"] = failed ? "issuer_declined" : "authorized",
            },
            ["paid"] = succeeded,
            ["payment_intent"] = c.PaymentIntentId,
            ["payment_method"] = c.PaymentMethodId,
            ["payment_method_details"] = PaymentMethodDetails(c),
            ["radar_options"] = new JsonObject(),
            ["receipt_email"] = null,
            ["receipt_number"] = null,
            ["receipt_url"] = null,
            ["refunded"] = c.Refunded,
            ["review"] = null,
            ["shipping"] = null,
            ["source"] = null,
            ["source_transfer"] = null,
            ["statement_descriptor"] = null,
            ["statement_descriptor_suffix"] = null,
            ["status"] = c.Status,
            ["transfer_data"] = null,
            ["transfer_group"] = null,
        };
    }

    public static JsonObject Event(
        string id, string type, DateTimeOffset created, JsonObject data, JsonObject? previousAttributes, string? requestId)
    {
        var dataNode = new JsonObject { ["object"] = data };
        if (previousAttributes is not null)
        {
            dataNode["previous_attributes"] = previousAttributes;
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = Unix(created),
            ["data"] = dataNode,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = requestId, ["idempotency_key"] = null },
            ["type"] = type,
        };
    }

    /// <summary>
    /// Stripe's 402 answer to a declined confirmation: a <c>card_error</c> naming the payment intent (in its failed
    /// state) and the payment method, as Stripe returns it for off-session charges.
    /// </summary>
    public static JsonObject CardError(StandInPaymentIntent p, JsonObject paymentIntent, JsonObject paymentMethod)
    {
        var error = PaymentError(p);
        error["payment_intent"] = paymentIntent;
        error["payment_method"] = paymentMethod;
        error["request_log_url"] = null;
        return new JsonObject { ["error"] = error };
    }

    public static JsonObject Error(string type, string message, string? param = null, string? code = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type };
        if (param is not null)
        {
            error["param"] = param;
        }

        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{code.Replace('_', '-')}";
        }

        return new JsonObject { ["error"] = error };
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

    private static JsonObject PaymentMethodDetails(StandInCharge c) => c.PaymentMethodType == "sepa_debit"
        ? new JsonObject
        {
            ["sepa_debit"] = new JsonObject
            {
                ["bank_code"] = "37040044",
                ["branch_code"] = null,
                ["country"] = "DE",
                ["fingerprint"] = "StandInSepa0001",
                ["last4"] = "3000",
                ["mandate"] = c.MandateId,
            },
            ["type"] = "sepa_debit",
        }
        : new JsonObject
        {
            ["card"] = new JsonObject
            {
                ["amount_authorized"] = c.AmountCents,
                ["brand"] = "visa",
                ["country"] = "DE",
                ["exp_month"] = 12,
                ["exp_year"] = 2034,
                ["fingerprint"] = "StandInCard0001",
                ["funding"] = "credit",
                ["last4"] = "4242",
                ["network"] = "visa",
                ["three_d_secure"] = null,
                ["wallet"] = null,
            },
            ["type"] = "card",
        };

    private static JsonObject Address() => new()
    {
        ["city"] = null, ["country"] = "DE", ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>A payment intent's <c>last_payment_error</c> (also the body of a 402 card error).</summary>
    private static JsonObject PaymentError(StandInPaymentIntent p) => new()
    {
        ["code"] = p.FailureCode,
        ["decline_code"] = p.DeclineCode,
        ["doc_url"] = $"https://stripe.com/docs/error-codes/{p.FailureCode!.Replace('_', '-')}",
        ["message"] = p.FailureMessage,
        ["type"] = "card_error",
    };

    public static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }
}
