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
            ["amount_subtotal"] = s.IsSetup ? null : s.AmountCents,
            ["amount_total"] = s.IsSetup ? null : s.AmountCents,
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
            ["customer_creation"] = s.IsSubscription || s.IsSetup ? null : s.CustomerCreation ?? "if_required",
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
            ["invoice_creation"] = s.IsSubscription || s.IsSetup
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
            ["payment_method_collection"] = s.IsSubscription || s.IsSetup ? "always" : "if_required",
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
            ["setup_intent"] = s.SetupIntentId,
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
    public static JsonObject PaymentMethod(StandInPaymentIntent p) =>
        PaymentMethod(p.PaymentMethodId, p.PaymentMethodType, p.Created, p.SetupFutureUsage is null && !p.OffSession ? null : p.CustomerId);

    /// <summary>
    /// A SetupIntent (<c>GET /v1/setup_intents/{id}</c>, <c>setup_intent.succeeded</c>); <paramref name="paymentMethod"/>
    /// and <paramref name="mandate"/> are the expanded objects when asked for, else ids.
    /// </summary>
    public static JsonObject SetupIntent(StandInSetupIntent si, JsonNode? paymentMethod, JsonNode? mandate) => new()
    {
        ["id"] = si.Id,
        ["object"] = "setup_intent",
        ["application"] = null,
        ["automatic_payment_methods"] = null,
        ["cancellation_reason"] = null,
        ["client_secret"] = $"{si.Id}_secret_{StripeIds.Random(24)}",
        ["created"] = Unix(si.Created),
        ["customer"] = si.CustomerId,
        ["description"] = null,
        ["flow_directions"] = null,
        ["last_setup_error"] = null,
        ["latest_attempt"] = null,
        ["livemode"] = false,
        ["mandate"] = mandate,
        ["metadata"] = Map(si.Metadata),
        ["next_action"] = null,
        ["on_behalf_of"] = null,
        ["payment_method"] = paymentMethod,
        ["payment_method_configuration_details"] = null,
        ["payment_method_options"] = new JsonObject(),
        ["payment_method_types"] = Strings([si.PaymentMethodType]),
        ["single_use_mandate"] = null,
        ["status"] = si.Status,
        ["usage"] = "off_session",
    };

    /// <summary>A payment method object: the stand-in's test card 4242 or test IBAN ending 3000.</summary>
    public static JsonObject PaymentMethod(string id, string type, DateTimeOffset created, string? customerId)
    {
        var sepa = type == "sepa_debit";
        var method = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_method",
            ["billing_details"] = new JsonObject
            {
                ["address"] = Address(), ["email"] = null, ["name"] = null, ["phone"] = null, ["tax_id"] = null,
            },
            ["created"] = Unix(created),
            ["customer"] = customerId,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["type"] = type,
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

    /// <summary>An event's <c>data</c>: the object as it is now and, for <c>*.updated</c> events, what it was before.</summary>
    public static JsonObject EventData(JsonObject data, JsonObject? previousAttributes)
    {
        var dataNode = new JsonObject { ["object"] = data };
        if (previousAttributes is not null)
        {
            dataNode["previous_attributes"] = previousAttributes;
        }

        return dataNode;
    }

    public static JsonObject Event(string id, string type, DateTimeOffset created, JsonObject dataNode, string? requestId)
    {
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

    internal static JsonObject Address() => new()
    {
        ["city"] = null, ["country"] = "DE", ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null,
    };

    internal static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

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
