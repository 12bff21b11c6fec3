using System.Globalization;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Stripe;
using Stripe.Checkout;

using Kok.Functions.Http;

namespace Kok.Functions.Payments;

/// <summary>
/// <see cref="IPaymentGateway"/> on Stripe Checkout. One-time donations are Checkout Sessions in <c>payment</c> mode,
/// monthly ones in <c>subscription</c> mode with an inline monthly price, so no Stripe products need to be maintained.
/// Our donation id travels as <c>client_reference_id</c> and as <c>donationId</c> metadata on the session and on the
/// payment intent or subscription, so every later event can be traced back without a lookup table.
/// </summary>
public sealed class StripePaymentGateway(
    StripeClientProvider clients,
    WebsiteOptions website,
    ILogger<StripePaymentGateway> logger) : IPaymentGateway
{
    public const string DonationIdMetadataKey = "donationId";

    /// <summary>Stripe substitutes the session id into the success URL in place of this literal.</summary>
    public const string SessionIdPlaceholder = "{CHECKOUT_SESSION_ID}";

    public async Task<CheckoutSession> CreateDonationCheckoutAsync(
        DonationCheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "A donation needs a positive amount.");
        }

        var options = BuildOptions(request);
        var requestOptions = new RequestOptions { IdempotencyKey = IdempotencyKey(request.DonationId) };
        var service = new SessionService(clients.Create());

        Session session;
        try
        {
            session = await service.CreateAsync(options, requestOptions, cancellationToken);
        }
        catch (StripeException ex)
        {
            // Stripe's message can echo submitted values (the email); log only its classification.
            logger.LogError(
                "Stripe refused checkout for donation {DonationId}: HTTP {Status}, {ErrorType}/{ErrorCode}",
                request.DonationId, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            var status = (int)ex.HttpStatusCode;
            throw new PaymentGatewayException(
                $"Stripe refused the checkout session (HTTP {status}, {ex.StripeError?.Type ?? "no error type"}).", ex)
            {
                IsTransient = status == 0 || status == 429 || status >= 500,
            };
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }

        logger.LogInformation(
            "Created Stripe checkout session {SessionId} for donation {DonationId} ({Mode})",
            session.Id, request.DonationId, options.Mode);

        if (string.IsNullOrEmpty(session.Url))
        {
            throw new PaymentGatewayException($"Stripe returned checkout session {session.Id} without a URL.");
        }

        return new CheckoutSession(session.Id, new Uri(session.Url));
    }

    internal static string IdempotencyKey(string donationId) => $"donation-checkout-{donationId}";

    private SessionCreateOptions BuildOptions(DonationCheckoutRequest request)
    {
        var monthly = request.Interval == DonationInterval.Monthly;
        var english = Locale(request.Locale) == "en";
        var metadata = new Dictionary<string, string> { [DonationIdMetadataKey] = request.DonationId };
        var donationQuery = $"donationId={Uri.EscapeDataString(request.DonationId)}";

        var options = new SessionCreateOptions
        {
            Mode = monthly ? "subscription" : "payment",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur",
                        UnitAmount = request.AmountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions
                        {
                            Name = (monthly, english) switch
                            {
                                (true, true) => "Monthly donation to KOK e.V.",
                                (true, false) => "Monatliche Spende an den KOK e.V.",
                                (false, true) => "Donation to KOK e.V.",
                                (false, false) => "Spende an den KOK e.V.",
                            },
                        },
                        Recurring = monthly
                            ? new SessionLineItemPriceDataRecurringOptions { Interval = "month", IntervalCount = 1 }
                            : null,
                    },
                },
            ],
            // API versions since "endive" replaced the static payment_method_types list with this filter; the
            // methods must also be enabled in the Stripe Dashboard.
            AllowedPaymentMethodTypes = [PaymentMethodType(request.PaymentMethod)],
            ClientReferenceId = request.DonationId,
            Metadata = metadata,
            CustomerEmail = request.DonorEmail,
            Locale = Locale(request.Locale),
            SuccessUrl = AppendQuery(
                website.SuccessUrl.ToString(), $"{donationQuery}&session_id={SessionIdPlaceholder}"),
            CancelUrl = AppendQuery(website.CancelUrl.ToString(), donationQuery),
        };

        if (monthly)
        {
            options.SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new(metadata) };
        }
        else
        {
            options.SubmitType = "donate";
            options.PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new(metadata) };
        }

        return options;
    }

    private static string AppendQuery(string url, string query) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static string PaymentMethodType(PaymentMethodKind kind) => kind switch
    {
        PaymentMethodKind.Card => "card",
        PaymentMethodKind.SepaDebit => "sepa_debit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown payment method."),
    };

    private static string Locale(string? locale)
    {
        var language = (locale ?? string.Empty).Split('-', '_')[0].ToLower(CultureInfo.InvariantCulture);
        return language is "de" or "en" ? language : "auto";
    }
}
