using System.Globalization;
using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>Checkout in <c>setup</c> mode: a new card or SEPA method saved on the customer, nothing charged.</summary>
internal sealed partial class StripeStandInStore
{
    /// <summary>
    /// A <c>setup</c>-mode session completes: a SetupIntent saves a new card or SEPA method (with its mandate) on the
    /// session's customer, and Stripe sends <c>checkout.session.completed</c> (mode setup, naming the SetupIntent) and
    /// <c>setup_intent.succeeded</c>. Nothing is charged; a SEPA mandate is accepted at once (no "processing"). A
    /// declined card stays on the page, as for payments.
    /// </summary>
    private StandInAction CompleteSetup(StandInSession s, string outcome, string method, string declinedPageUrl)
    {
        switch (outcome)
        {
            case "canceled":
                return Redirect(s, s.CancelUrl ?? s.CheckoutUrl, []);
            case "failed" when method == "card":
                return Redirect(s, declinedPageUrl, []);
            case "succeeded":
                break;
            default:
                throw new StandInException(400, $"Unknown outcome '{outcome}' for a setup. Use succeeded, failed (card only) or canceled.", "outcome");
        }

        var suffix = StripeIds.Random(24);
        var customerId = s.CustomerId ?? StripeIds.New("cus_", 14);
        var paymentMethodId = "pm_1" + suffix;
        state.SaveOnCustomer(customerId, paymentMethodId, method);
        var setupIntent = new StandInSetupIntent
        {
            Id = "seti_1" + suffix,
            CustomerId = customerId,
            PaymentMethodId = paymentMethodId,
            PaymentMethodType = method,
            Metadata = new(s.SetupIntentMetadata),
            Created = state.Now,
            MandateId = method == "sepa_debit" ? state.MandateFor(paymentMethodId, suffix) : null,
        };
        state.SetupIntents.Add(setupIntent.Id, setupIntent);
        s.Status = "complete";
        s.PaymentStatus = "no_payment_required";
        s.PaymentMethodType = method;
        s.CustomerId = customerId;
        s.SetupIntentId = setupIntent.Id;
        StandInEvent[] produced =
        [
            state.Emit("checkout.session.completed", StripeObjectJson.Session(s)),
            state.Emit("setup_intent.succeeded", StripeObjectJson.SetupIntent(setupIntent, setupIntent.PaymentMethodId, setupIntent.MandateId)),
        ];
        var body = SessionBody(s, s.ResolvedSuccessUrl);
        body["setupIntentId"] = setupIntent.Id;
        body["paymentMethodId"] = paymentMethodId;
        return new StandInAction(body, produced);
    }

    /// <summary><c>GET /v1/setup_intents/{id}</c>; <paramref name="expand"/> may name <c>payment_method</c> and <c>mandate</c>.</summary>
    public JsonObject SetupIntentJson(string id, IReadOnlySet<string> expand)
    {
        lock (state.Gate)
        {
            if (!state.SetupIntents.TryGetValue(id, out var si))
            {
                throw StripeStandInState.Missing("setup_intent", id, "intent");
            }

            JsonNode? method = expand.Contains("payment_method")
                ? StripeObjectJson.PaymentMethod(si.PaymentMethodId, si.PaymentMethodType, si.Created, si.CustomerId)
                : JsonValue.Create(si.PaymentMethodId);
            JsonNode? mandate = si.MandateId is not { } mandateId ? null
                : expand.Contains("mandate") ? StripeChargeJson.Mandate(state.Mandates[mandateId])
                : JsonValue.Create(mandateId);
            return StripeObjectJson.SetupIntent(si, method, mandate);
        }
    }
}
