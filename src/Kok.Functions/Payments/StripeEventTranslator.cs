using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kok.Domain.Common;
using Kok.Domain.Payments;
using Kok.Functions.Http;
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
public sealed partial class StripeEventTranslator(IConfiguration configuration, TimeProvider timeProvider)
{
    /// <summary>Stripe's recommended replay window for webhook timestamps.</summary>
    public const long ToleranceSeconds = 300;

    private const string ObjectField = "data.object";
    private const string FieldKey = "field";

    /// <summary>9999-12-31T23:59:59Z, the last second a .NET date can hold.</summary>
    private const long MaxUnixSeconds = 253402300799;

    /// <summary>Nesting allowed in an event: Stripe's objects (an invoice with its lines) go deeper than our forms.</summary>
    public const int MaxDepth = 64;

    public StripeEventTranslation Translate(string json, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Translate(Encoding.UTF8.GetBytes(json), signatureHeader);
    }

    /// <summary>
    /// Checks the signature over the body first (a request not from Stripe is refused before its content is looked
    /// at), then reads the body through <see cref="JsonRequestBody"/> (no duplicate keys, valid text) and checks the
    /// event's envelope and its object's shape, so any signed payload that is not a readable event is
    /// <see cref="StripeEventTranslationStatus.Malformed"/> with the field named, never an exception.
    /// </summary>
    public StripeEventTranslation Translate(byte[] body, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(body);
        var secret = configuration["Stripe:WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException("Configuration value 'Stripe:WebhookSecret' is missing.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new(StripeEventTranslationStatus.InvalidSignature, Problem: "The Stripe-Signature header is missing.");
        }

        // Stripe signs UTF-8 text; bytes that are not UTF-8 decode to U+FFFD here and so never verify.
        var json = Encoding.UTF8.GetString(body);
        if (StripeWebhookSignature.Problem(json, signatureHeader, secret, ToleranceSeconds, timeProvider.GetUtcNow()) is { } invalid)
        {
            return new(StripeEventTranslationStatus.InvalidSignature, Problem: invalid);
        }

        var (document, errors) = JsonRequestBody.Parse(body, MaxDepth);
        if (errors is not null)
        {
            return Malformed(errors);
        }

        using (document)
        {
            return Translate(document!.Root, json);
        }
    }

    private static StripeEventTranslation Translate(JsonElement envelope, string json)
    {
        if (EnvelopeErrors(envelope) is { } errors)
        {
            return Malformed(errors);
        }

        var id = envelope.GetProperty("id").GetString();
        var type = envelope.GetProperty("type").GetString();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is JsonException or StripeException or ArgumentException or NotSupportedException
                                       or InvalidOperationException or FormatException or OverflowException)
        {
            return Malformed(ObjectField, "Not the shape of the Stripe object the event type names.", id, type);
        }

        try
        {
            var translated = Translate(stripeEvent, envelope.GetProperty("data"));
            return translated is null
                ? new(StripeEventTranslationStatus.Ignored, stripeEvent.Id, stripeEvent.Type)
                : new(StripeEventTranslationStatus.Translated, stripeEvent.Id, stripeEvent.Type, translated);
        }
        catch (InvalidDataException ex)
        {
            return Malformed(ex.Data[FieldKey] as string ?? ObjectField, ex.Message, id, type);
        }
    }

    /// <summary>What every event has: a Stripe id, a type, a creation time in Unix seconds and an object.</summary>
    private static IReadOnlyDictionary<string, string[]>? EnvelopeErrors(JsonElement envelope)
    {
        var errors = new ValidationErrors();
        if (!IsStripeId(Text(envelope, "id")))
        {
            errors.Add("id", "Must be a Stripe id.");
        }

        if (Text(envelope, "type") is not { Length: > 0 and <= 100 })
        {
            errors.Add("type", "Must be an event type.");
        }

        if (!envelope.TryGetProperty("created", out var created) || created.ValueKind != JsonValueKind.Number
            || !created.TryGetInt64(out var seconds) || seconds is < 0 or > MaxUnixSeconds)
        {
            errors.Add("created", "Must be a time in Unix seconds.");
        }

        if (!envelope.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ObjectField, "Must be an object.");
        }

        return errors.IsEmpty ? null : errors.ToDictionary();
    }

    internal static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static StripeEventTranslation Malformed(IReadOnlyDictionary<string, string[]> errors) =>
        new(StripeEventTranslationStatus.Malformed, Problem: "The payload is not a Stripe event.", Errors: errors);

    private static StripeEventTranslation Malformed(string field, string message, string? id, string? type) =>
        new(StripeEventTranslationStatus.Malformed, id, type, Problem: message,
            Errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    private static PaymentEvent? Translate(Event e, JsonElement data)
    {
        var rawObject = data.GetProperty("object");
        var created = Utc(e.Created);
        switch (e.Type)
        {
            case EventTypes.CheckoutSessionCompleted:
            {
                var session = Data<Session>(e);
                if (session.Mode == "setup")
                {
                    // A payment method set up on "Mein KOK": no payment, never a sign-up's checkout.
                    return Id(session.SetupIntentId, "setup_intent") is { } setupIntentId
                        ? new PaymentMethodSetUp(e.Id, created, Metadata(session.Metadata), setupIntentId)
                        : null;
                }

                return new CheckoutCompleted(
                    e.Id,
                    created,
                    Metadata(session.Metadata),
                    ObjectId(session.Id),
                    session.ClientReferenceId,
                    Paid: session.PaymentStatus == "paid",
                    SubscriptionMode: session.Mode == "subscription",
                    Id(session.PaymentIntentId, "payment_intent"),
                    Id(session.SubscriptionId, "subscription"),
                    Id(session.CustomerId, "customer"),
                    session.AmountTotal ?? 0);
            }

            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
            {
                var session = Data<Session>(e);
                return new AsyncPaymentSucceeded(
                    e.Id,
                    created,
                    Metadata(session.Metadata),
                    ObjectId(session.Id),
                    session.ClientReferenceId,
                    Id(session.PaymentIntentId, "payment_intent"),
                    session.AmountTotal ?? 0);
            }

            case EventTypes.CheckoutSessionAsyncPaymentFailed:
            {
                var session = Data<Session>(e);
                return new AsyncPaymentFailed(
                    e.Id,
                    created,
                    Metadata(session.Metadata),
                    ObjectId(session.Id),
                    session.ClientReferenceId,
                    Id(session.PaymentIntentId, "payment_intent"));
            }

            case EventTypes.InvoicePaid:
                return InvoicePaid(e, Data<Invoice>(e), created, rawObject);

            case EventTypes.InvoicePaymentPaid:
                return InvoicePaymentPaid(e, Data<InvoicePayment>(e), created);

            case EventTypes.CustomerSubscriptionDeleted:
            {
                var subscription = Data<Subscription>(e);
                return new SubscriptionEnded(
                    e.Id, created, Metadata(subscription.Metadata), ObjectId(subscription.Id), StripeMoneyBack.EndReason(subscription));
            }

            case EventTypes.CustomerSubscriptionUpdated:
                return StripeMoneyBack.SubscriptionUpdated(e, Data<Subscription>(e), created, data);

            case EventTypes.InvoicePaymentFailed:
                return StripeMoneyBack.InvoicePaymentFailed(e, Data<Invoice>(e), created, rawObject);

            case EventTypes.ChargeFailed:
                return StripeMoneyBack.ChargeFailed(e, Data<Charge>(e), created);

            case EventTypes.ChargeDisputeCreated:
                return new DisputeOpened(e.Id, created, Metadata(null), StripeMoneyBack.Dispute(Data<Dispute>(e)));

            case EventTypes.ChargeDisputeClosed:
                return new DisputeClosed(e.Id, created, Metadata(null), StripeMoneyBack.Dispute(Data<Dispute>(e)));

            case EventTypes.ChargeDisputeFundsWithdrawn:
                return new DisputeFundsWithdrawn(e.Id, created, Metadata(null), StripeMoneyBack.Dispute(Data<Dispute>(e)));

            case EventTypes.ChargeDisputeFundsReinstated:
                return new DisputeFundsReinstated(e.Id, created, Metadata(null), StripeMoneyBack.Dispute(Data<Dispute>(e)));

            case EventTypes.ChargeRefunded:
            {
                var charge = Data<Charge>(e);
                return new ChargeRefunded(
                    e.Id,
                    created,
                    Metadata(charge.Metadata),
                    ObjectId(charge.Id),
                    Id(charge.PaymentIntentId, "payment_intent"),
                    charge.AmountRefunded,
                    FullyRefunded: charge.Refunded);
            }

            case EventTypes.SetupIntentSucceeded:
            {
                var intent = Data<SetupIntent>(e);
                return new PaymentMethodSetUp(e.Id, created, Metadata(intent.Metadata), ObjectId(intent.Id));
            }

            case EventTypes.PaymentIntentSucceeded:
            {
                var intent = Data<PaymentIntent>(e);
                return new PaymentIntentSucceeded(e.Id, created, Metadata(intent.Metadata), ObjectId(intent.Id), intent.AmountReceived);
            }

            case EventTypes.PaymentIntentPaymentFailed:
            {
                // Only the short codes: the error's message can echo personal data.
                var intent = Data<PaymentIntent>(e);
                return new PaymentIntentFailed(
                    e.Id,
                    created,
                    Metadata(intent.Metadata),
                    ObjectId(intent.Id),
                    Code(intent.LastPaymentError?.Code ?? intent.LastPaymentError?.DeclineCode),
                    Id(intent.CustomerId, "customer"),
                    Id(Text(rawObject, "invoice"), "invoice"),
                    Id(intent.LatestChargeId, "latest_charge"));
            }

            default:
                return null;
        }
    }

    private static InvoicePaid InvoicePaid(Event e, Invoice invoice, DateTimeOffset created, JsonElement raw)
    {
        var (subscriptionId, metadata, paymentIntentId) = InvoiceLinks(invoice, raw);
        var paidAt = invoice.StatusTransitions?.PaidAt is { } paid ? Utc(paid) : created;

        return new InvoicePaid(
            e.Id,
            created,
            metadata,
            ObjectId(invoice.Id),
            subscriptionId,
            paymentIntentId,
            invoice.AmountPaid,
            FirstOfSubscription: invoice.BillingReason == "subscription_create",
            paidAt);
    }

    /// <summary>
    /// The link from an invoice to the payment intent that paid it; an invoice paid otherwise (a charge of the old
    /// API, a payment record made outside Stripe) has no intent a refund or dispute could name, so it is ignored.
    /// </summary>
    private static InvoicePaymentPaid? InvoicePaymentPaid(Event e, InvoicePayment payment, DateTimeOffset created)
    {
        if (payment.Status != "paid" || payment.Payment?.Type != "payment_intent"
            || Id(payment.Payment.PaymentIntentId, "payment.payment_intent") is not { } paymentIntentId
            || Id(payment.InvoiceId, "invoice") is not { } invoiceId)
        {
            return null;
        }

        var paidAt = payment.StatusTransitions?.PaidAt is { } paid ? Utc(paid) : created;
        return new InvoicePaymentPaid(e.Id, created, Metadata(null), invoiceId, paymentIntentId, payment.AmountPaid ?? 0, paidAt);
    }

    /// <summary>
    /// An invoice's subscription (with its metadata, our ids) and payment intent. Since API version "basil" the
    /// subscription sits under parent.subscription_details and payment intents under payments (only present when the
    /// payload includes them); older versions had top-level fields that the pinned model no longer has, so those are
    /// read from the raw payload.
    /// </summary>
    internal static (string? SubscriptionId, Dictionary<string, string> Metadata, string? PaymentIntentId) InvoiceLinks(Invoice invoice, JsonElement raw)
    {
        var details = invoice.Parent?.SubscriptionDetails;
        var subscriptionId = details?.SubscriptionId ?? Text(raw, "subscription");
        var metadata = details?.Metadata ?? RawMetadata(raw, "subscription_details");
        var paymentIntentId = invoice.Payments?.Data?
            .Where(p => p.Payment?.Type == "payment_intent" && !string.IsNullOrEmpty(p.Payment.PaymentIntentId))
            .OrderByDescending(p => p.Status == "paid")
            .Select(p => p.Payment.PaymentIntentId)
            .FirstOrDefault()
            ?? Text(raw, "payment_intent");
        return (Id(subscriptionId, "subscription"), Metadata(metadata), Id(paymentIntentId, "payment_intent"));
    }

    internal static T Data<T>(Event e)
        where T : class, IHasObject =>
        e.Data?.Object as T
        ?? throw Unreadable(ObjectField, $"Event type {e.Type} carries a '{e.Data?.Object?.Object ?? "missing"}' object.");

    /// <summary>
    /// A Stripe id the app passes on as a storage key or in an API path: letters, digits and underscores only, as
    /// Stripe's ids are, so a signed payload cannot smuggle in a key that storage refuses.
    /// </summary>
    internal static string? Id(string? value, string field) =>
        value is null || IsStripeId(value)
            ? value
            : throw Unreadable($"{ObjectField}.{field}", "Must be a Stripe id.");

    /// <summary>The object's own id, which every Stripe object has.</summary>
    internal static string ObjectId(string? value) =>
        Id(value, "id") ?? throw Unreadable($"{ObjectField}.id", "Must be a Stripe id.");

    private static bool IsStripeId(string? value) => value is { Length: > 0 and <= 255 } && StripeIdPattern().IsMatch(value);

    private static InvalidDataException Unreadable(string field, string message) => new(message) { Data = { [FieldKey] = field } };

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex StripeIdPattern();

    /// <summary>
    /// A provider code (failure code, decline code, dispute reason) as we keep and show it: lower-case letters, digits
    /// and underscores, at most 64; anything else is dropped (null), so a signed payload cannot put text of its own
    /// into mails or the dashboard.
    /// </summary>
    internal static string? Code(string? value) => value is { Length: > 0 and <= 64 } && CodePattern().IsMatch(value) ? value : null;

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex CodePattern();

    internal static Dictionary<string, string> Metadata(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is null ? [] : new Dictionary<string, string>(metadata, StringComparer.Ordinal);

    internal static Dictionary<string, string>? RawMetadata(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var holder)
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

    internal static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
