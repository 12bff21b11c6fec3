using System.Text.Json;
using Kok.Domain.Payments;
using Stripe;

namespace Kok.Functions.Payments;

/// <summary>
/// Reads Stripe's events about money that does not arrive or comes back (disputes, failed charges, failed subscription
/// invoices, subscription changes) into the provider-neutral records, for <see cref="StripeEventTranslator"/>. Only
/// short codes are kept (failure codes, dispute reasons), never Stripe's messages, which can echo personal data.
/// </summary>
internal static class StripeMoneyBack
{
    public static PaymentDispute Dispute(Dispute dispute) => new(
        StripeEventTranslator.ObjectId(dispute.Id),
        StripeEventTranslator.Id(dispute.ChargeId, "charge") ?? string.Empty,
        StripeEventTranslator.Id(dispute.PaymentIntentId, "payment_intent"),
        dispute.Amount,
        StripeEventTranslator.Code(dispute.Reason) ?? "general",
        Status(dispute.Status),
        StripeEventTranslator.Utc(dispute.Created),
        dispute.EvidenceDetails?.DueBy is { } due && due > DateTime.MinValue
            ? StripeEventTranslator.Utc(due)
            : null);

    public static ChargeFailed ChargeFailed(Event e, Charge charge, DateTimeOffset created)
    {
        var details = charge.PaymentMethodDetails;
        PaymentMethodKind? method = details?.Type switch
        {
            "card" => PaymentMethodKind.Card,
            "sepa_debit" => PaymentMethodKind.SepaDebit,
            _ => null,
        };
        return new ChargeFailed(
            e.Id,
            created,
            StripeEventTranslator.Metadata(charge.Metadata),
            StripeEventTranslator.ObjectId(charge.Id),
            StripeEventTranslator.Id(charge.PaymentIntentId, "payment_intent"),
            charge.Amount,
            StripeEventTranslator.Code(charge.Outcome?.Reason is { } reason && charge.FailureCode == "card_declined" ? reason : charge.FailureCode),
            method,
            StripeEventTranslator.Id(details?.SepaDebit?.Mandate, "payment_method_details.sepa_debit.mandate"),
            StripeEventTranslator.Id(charge.PaymentMethod, "payment_method"));
    }

    public static InvoicePaymentFailed InvoicePaymentFailed(Event e, Invoice invoice, DateTimeOffset created, JsonElement raw)
    {
        var (subscriptionId, metadata, paymentIntentId) = StripeEventTranslator.InvoiceLinks(invoice, raw);
        return new InvoicePaymentFailed(
            e.Id,
            created,
            metadata,
            StripeEventTranslator.ObjectId(invoice.Id),
            subscriptionId,
            StripeEventTranslator.Id(invoice.CustomerId, "customer"),
            paymentIntentId,
            invoice.AmountDue,
            (int)Math.Clamp(invoice.AttemptCount, 0, int.MaxValue),
            invoice.NextPaymentAttempt is { } next ? StripeEventTranslator.Utc(next) : null,
            StripeEventTranslator.Code(LastPaymentErrorCode(raw)),
            FirstOfSubscription: invoice.BillingReason == "subscription_create");
    }

    /// <param name="data">The event's <c>data</c>, whose <c>previous_attributes</c> say the state before.</param>
    public static SubscriptionUpdated SubscriptionUpdated(Event e, Subscription subscription, DateTimeOffset created, JsonElement data)
    {
        var item = subscription.Items?.Data?.FirstOrDefault();
        var previousStatus = data.TryGetProperty("previous_attributes", out var previous) && previous.ValueKind == JsonValueKind.Object
            ? StripeEventTranslator.Text(previous, "status")
            : null;
        return new SubscriptionUpdated(
            e.Id,
            created,
            StripeEventTranslator.Metadata(subscription.Metadata),
            StripeEventTranslator.ObjectId(subscription.Id),
            StripeEventTranslator.Id(subscription.CustomerId, "customer"),
            State(subscription.Status),
            previousStatus is null ? null : State(previousStatus),
            CollectionPaused: subscription.PauseCollection is not null,
            subscription.PauseCollection?.ResumesAt is { } resumes ? StripeEventTranslator.Utc(resumes) : null,
            subscription.CancelAtPeriodEnd,
            item?.Price?.UnitAmount is { } unit ? unit * Math.Max(1, item.Quantity) : null,
            StripeEventTranslator.Id(item?.Price?.Id, "items.data.price.id"),
            item?.CurrentPeriodEnd is { } end && end > DateTime.MinValue ? StripeEventTranslator.Utc(end) : null,
            EndReason(subscription));
    }

    /// <summary>Stripe's <c>cancellation_details.reason</c> in our words.</summary>
    public static SubscriptionEndReason EndReason(Subscription subscription) => subscription.CancellationDetails?.Reason switch
    {
        "cancellation_requested" => SubscriptionEndReason.Requested,
        "payment_failed" => SubscriptionEndReason.PaymentFailed,
        "payment_disputed" => SubscriptionEndReason.PaymentDisputed,
        _ => SubscriptionEndReason.Unknown,
    };

    private static DisputeStatus Status(string? status) => status switch
    {
        "warning_needs_response" or "warning_under_review" => DisputeStatus.Inquiry,
        "warning_closed" => DisputeStatus.InquiryClosed,
        "needs_response" or "under_review" => DisputeStatus.Open,
        "won" => DisputeStatus.Won,
        "lost" => DisputeStatus.Lost,
        "prevented" => DisputeStatus.Prevented,
        _ => DisputeStatus.Unknown,
    };

    private static SubscriptionState State(string? status) => status switch
    {
        "active" => SubscriptionState.Active,
        "past_due" => SubscriptionState.PastDue,
        "unpaid" => SubscriptionState.Unpaid,
        "canceled" => SubscriptionState.Canceled,
        "incomplete" => SubscriptionState.Incomplete,
        "incomplete_expired" => SubscriptionState.IncompleteExpired,
        "trialing" => SubscriptionState.Trialing,
        "paused" => SubscriptionState.Paused,
        _ => SubscriptionState.Unknown,
    };

    /// <summary>An expanded payment intent's <c>last_payment_error</c> code, where the payload carries one.</summary>
    private static string? LastPaymentErrorCode(JsonElement raw)
    {
        if (!raw.TryGetProperty("payment_intent", out var intent) || intent.ValueKind != JsonValueKind.Object
            || !intent.TryGetProperty("last_payment_error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return StripeEventTranslator.Text(error, "decline_code") ?? StripeEventTranslator.Text(error, "code");
    }
}
