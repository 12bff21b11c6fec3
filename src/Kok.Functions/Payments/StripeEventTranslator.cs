using System.Text.Json;
using Kok.Domain.Payments;
using Microsoft.Extensions.Configuration;
using Stripe;
using Stripe.Checkout;

namespace Kok.Functions.Payments;

/// <summary>
/// Verifies a Stripe webhook request (signature and timestamp, key <c>Stripe:WebhookSecret</c>) and reads it into
/// the provider-neutral <see cref="PaymentEvent"/> records.
/// </summary>
/// <remarks>
/// The event's API version is deliberately not checked: Stripe formats events in the account's (or endpoint's) API
/// version, which need not be the one this Stripe.net release pins. Only the fields read here matter, and for the
/// one shape that changed (invoice subscription and payment intent, moved in "basil") both shapes are read.
/// </remarks>
public sealed class StripeEventTranslator(IConfiguration configuration, TimeProvider timeProvider)
{
    /// <summary>Stripe's recommended replay window for webhook timestamps.</summary>
    public const long ToleranceSeconds = 300;

    public StripeEventTranslation Translate(string json, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(json);
        var secret = configuration["Stripe:WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException("Configuration value 'Stripe:WebhookSecret' is missing.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new(StripeEventTranslationStatus.InvalidSignature, Problem: "The Stripe-Signature header is missing.");
        }

        try
        {
            EventUtility.ValidateSignature(
                json, signatureHeader, secret, ToleranceSeconds, timeProvider.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (Exception ex) when (ex is StripeException or FormatException or OverflowException)
        {
            return new(StripeEventTranslationStatus.InvalidSignature, Problem: ex.Message);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is JsonException or StripeException or ArgumentException or NotSupportedException)
        {
            return new(StripeEventTranslationStatus.Malformed, Problem: "The payload is not a Stripe event.");
        }

        if (stripeEvent is null || string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return new(StripeEventTranslationStatus.Malformed, Problem: "The payload is not a Stripe event.");
        }

        try
        {
            var translated = Translate(stripeEvent, json);
            return translated is null
                ? new(StripeEventTranslationStatus.Ignored, stripeEvent.Id, stripeEvent.Type)
                : new(StripeEventTranslationStatus.Translated, stripeEvent.Id, stripeEvent.Type, translated);
        }
        catch (InvalidDataException ex)
        {
            return new(StripeEventTranslationStatus.Malformed, stripeEvent.Id, stripeEvent.Type, Problem: ex.Message);
        }
    }

    private static PaymentEvent? Translate(Event e, string json)
    {
        var created = Utc(e.Created);
        switch (e.Type)
        {
            case EventTypes.CheckoutSessionCompleted:
            {
                var session = Data<Session>(e);
                return new CheckoutCompleted(
                    e.Id,
                    created,
                    Metadata(session.Metadata),
                    session.Id,
                    session.ClientReferenceId,
                    Paid: session.PaymentStatus == "paid",
                    SubscriptionMode: session.Mode == "subscription",
                    session.PaymentIntentId,
                    session.SubscriptionId,
                    session.CustomerId,
                    session.AmountTotal ?? 0);
            }

            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
            {
                var session = Data<Session>(e);
                return new AsyncPaymentSucceeded(
                    e.Id,
                    created,
                    Metadata(session.Metadata),
                    session.Id,
                    session.ClientReferenceId,
                    session.PaymentIntentId,
                    session.AmountTotal ?? 0);
            }

            case EventTypes.CheckoutSessionAsyncPaymentFailed:
            {
                var session = Data<Session>(e);
                return new AsyncPaymentFailed(
                    e.Id,
                    created,
                    Metadata(session.Metadata),
                    session.Id,
                    session.ClientReferenceId,
                    session.PaymentIntentId);
            }

            case EventTypes.InvoicePaid:
                return InvoicePaid(e, Data<Invoice>(e), created, json);

            case EventTypes.CustomerSubscriptionDeleted:
            {
                var subscription = Data<Subscription>(e);
                return new SubscriptionEnded(e.Id, created, Metadata(subscription.Metadata), subscription.Id);
            }

            case EventTypes.ChargeRefunded:
            {
                var charge = Data<Charge>(e);
                return new ChargeRefunded(
                    e.Id,
                    created,
                    Metadata(charge.Metadata),
                    charge.Id,
                    charge.PaymentIntentId,
                    charge.AmountRefunded,
                    FullyRefunded: charge.Refunded);
            }

            case EventTypes.PaymentIntentSucceeded:
            {
                var intent = Data<PaymentIntent>(e);
                return new PaymentIntentSucceeded(e.Id, created, Metadata(intent.Metadata), intent.Id, intent.AmountReceived);
            }

            case EventTypes.PaymentIntentPaymentFailed:
            {
                // Only the short codes: the error's message can echo personal data.
                var intent = Data<PaymentIntent>(e);
                return new PaymentIntentFailed(
                    e.Id,
                    created,
                    Metadata(intent.Metadata),
                    intent.Id,
                    intent.LastPaymentError?.Code ?? intent.LastPaymentError?.DeclineCode);
            }

            default:
                return null;
        }
    }

    private static InvoicePaid InvoicePaid(Event e, Invoice invoice, DateTimeOffset created, string json)
    {
        // Since API version "basil" the subscription sits under parent.subscription_details and payment intents
        // under payments (only present when the payload includes them); older versions had top-level fields that
        // the pinned model no longer has, so those are read from the raw payload.
        using var document = JsonDocument.Parse(json);
        var raw = document.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var obj)
            ? obj
            : (JsonElement?)null;
        var details = invoice.Parent?.SubscriptionDetails;

        var subscriptionId = details?.SubscriptionId ?? RawString(raw, "subscription");
        var metadata = details?.Metadata ?? RawMetadata(raw, "subscription_details");
        var paymentIntentId = invoice.Payments?.Data?
            .Where(p => p.Payment?.Type == "payment_intent" && !string.IsNullOrEmpty(p.Payment.PaymentIntentId))
            .OrderByDescending(p => p.Status == "paid")
            .Select(p => p.Payment.PaymentIntentId)
            .FirstOrDefault()
            ?? RawString(raw, "payment_intent");
        var paidAt = invoice.StatusTransitions?.PaidAt is { } paid ? Utc(paid) : created;

        return new InvoicePaid(
            e.Id,
            created,
            Metadata(metadata),
            invoice.Id,
            subscriptionId,
            paymentIntentId,
            invoice.AmountPaid,
            FirstOfSubscription: invoice.BillingReason == "subscription_create",
            paidAt);
    }

    private static T Data<T>(Event e)
        where T : class, IHasObject =>
        e.Data?.Object as T
        ?? throw new InvalidDataException(
            $"Event type {e.Type} carries a '{e.Data?.Object?.Object ?? "missing"}' object.");

    private static Dictionary<string, string> Metadata(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is null ? [] : new Dictionary<string, string>(metadata, StringComparer.Ordinal);

    private static string? RawString(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e
        && e.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static Dictionary<string, string>? RawMetadata(JsonElement? element, string property)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e
            || !e.TryGetProperty(property, out var holder)
            || holder.ValueKind != JsonValueKind.Object
            || !holder.TryGetProperty("metadata", out var metadata)
            || metadata.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return metadata.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
