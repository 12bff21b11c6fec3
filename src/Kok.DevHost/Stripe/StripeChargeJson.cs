using System.Text.Json.Nodes;
using static Kok.DevHost.Stripe.StripeObjectJson;

namespace Kok.DevHost.Stripe;

/// <summary>
/// Charges, their payment method details and SEPA mandates in Stripe's JSON shape (see <see cref="StripeObjectJson"/>
/// for the conventions).
/// </summary>
internal static class StripeChargeJson
{
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
            ["dispute"] = c.DisputeId,
            ["disputed"] = c.DisputeId is not null,
            ["failure_balance_transaction"] = null,
            ["failure_code"] = failed ? c.FailureCode ?? "insufficient_funds" : null,
            ["failure_message"] = failed ? FailureMessage(c.FailureCode ?? "insufficient_funds") : null,
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
                ["seller_message"] = failed ? $"The bank returned the decline code `{c.FailureCode ?? "insufficient_funds"}`." : "Payment complete.",
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

    /// <summary>
    /// A dispute in Stripe's shape. SEPA disputes cannot be answered (no evidence deadline); like Stripe's it carries
    /// no metadata of ours, only the charge and payment intent.
    /// </summary>
    public static JsonObject Dispute(StandInDispute d)
    {
        var sepa = d.PaymentMethodType == "sepa_debit";
        return new JsonObject
        {
            ["id"] = d.Id,
            ["object"] = "dispute",
            ["amount"] = d.AmountCents,
            ["balance_transactions"] = new JsonArray(),
            ["charge"] = d.ChargeId,
            ["created"] = Unix(d.Created),
            ["currency"] = "eur",
            ["enhanced_eligibility_types"] = new JsonArray(),
            ["evidence"] = new JsonObject(),
            ["evidence_details"] = new JsonObject
            {
                ["due_by"] = sepa || d.Status != "needs_response" ? null : Unix(d.Created.AddDays(21)),
                ["enhanced_eligibility"] = new JsonObject(),
                ["has_evidence"] = false,
                ["past_due"] = false,
                ["submission_count"] = 0,
            },
            ["is_charge_refundable"] = false,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["payment_intent"] = d.PaymentIntentId,
            ["payment_method_details"] = sepa
                ? new JsonObject { ["sepa_debit"] = new JsonObject(), ["type"] = "sepa_debit" }
                : new JsonObject
                {
                    ["card"] = new JsonObject { ["brand"] = "visa", ["case_type"] = "chargeback", ["network_reason_code"] = "10.4" },
                    ["type"] = "card",
                },
            ["reason"] = d.Reason,
            ["status"] = d.Status,
        };
    }

    private static string FailureMessage(string code) => code switch
    {
        "insufficient_funds" => "The account has insufficient funds to cover this payment.",
        "account_closed" => "The bank account has been closed.",
        "no_account" => "The bank account could not be located.",
        "expired_card" => "Your card has expired.",
        _ => "The payment failed.",
    };
}
