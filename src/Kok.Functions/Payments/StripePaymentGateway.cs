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
/// Yearly dues after the first are PaymentIntents confirmed off-session on the method saved at sign-up.
/// </summary>
/// <param name="timeProvider">
/// Only for the dues checkout's idempotency window and for a <c>Retry-After</c> given as a date; without it dues
/// checkouts are sent without an idempotency key.
/// </param>
public sealed class StripePaymentGateway(
    StripeClientProvider clients,
    WebsiteOptions website,
    ILogger<StripePaymentGateway> logger,
    TimeProvider? timeProvider = null) : IPaymentGateway
{
    public const string DonationIdMetadataKey = "donationId";

    private readonly StripeFailures failures = new(timeProvider);

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
        var session = await CreateSessionAsync(options, IdempotencyKey(request.DonationId), "donation", request.DonationId, cancellationToken);
        return new CheckoutSession(session.Id, new Uri(session.Url));
    }

    /// <summary>
    /// The first year's dues: a <c>payment</c>-mode session that creates a Stripe customer for the member and saves the
    /// payment method on it for off-session use (a SEPA mandate or a card), so the following years' dues can be
    /// collected without the member. The member id travels as client reference and metadata on session and payment.
    /// </summary>
    public async Task<CheckoutSession> CreateMembershipCheckoutAsync(
        MembershipCheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AnnualAmountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Dues need a positive amount.");
        }

        var english = StripeRequestParts.Locale(request.Locale) == "en";
        var metadata = new Dictionary<string, string> { [PaymentMetadataKeys.MemberId] = request.MemberId };
        var memberQuery = $"memberId={Uri.EscapeDataString(request.MemberId)}";
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur",
                        UnitAmount = request.AnnualAmountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions
                        {
                            Name = english
                                ? "Supporting membership of KOK e.V. – annual dues"
                                : "Fördermitgliedschaft im KOK e.V. – Jahresbeitrag",
                        },
                    },
                },
            ],
            AllowedPaymentMethodTypes = [StripeRequestParts.PaymentMethodType(request.PaymentMethod)],
            CustomerCreation = "always",
            ClientReferenceId = request.MemberId,
            Metadata = metadata,
            CustomerEmail = request.Email,
            Locale = StripeRequestParts.Locale(request.Locale),
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = new(metadata),
                // Saves the SEPA mandate or card on the customer for the next years' dues, charged off-session.
                SetupFutureUsage = "off_session",
            },
            SuccessUrl = StripeRequestParts.AppendQuery(website.SuccessUrl.ToString(), $"{memberQuery}&session_id={SessionIdPlaceholder}"),
            CancelUrl = StripeRequestParts.AppendQuery(website.CancelUrl.ToString(), memberQuery),
        };

        var session = await CreateSessionAsync(options, $"membership-checkout-{request.MemberId}", "member", request.MemberId, cancellationToken);
        return new CheckoutSession(session.Id, new Uri(session.Url));
    }

    /// <summary>
    /// Reads the payment intent with its payment method and latest charge expanded: the method's type and last four
    /// digits live on the payment method, a SEPA mandate id on the charge. Checkout events carry neither. For SEPA the
    /// mandate is read too, as only it holds the mandate reference the member's bank statement shows.
    /// </summary>
    public async Task<SavedPaymentMethod?> GetSavedPaymentMethodAsync(string paymentIntentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentIntentId);
        var service = new PaymentIntentService(clients.Create());
        PaymentIntent intent;
        try
        {
            intent = await service.GetAsync(
                paymentIntentId,
                new PaymentIntentGetOptions { Expand = ["payment_method", "latest_charge"] },
                cancellationToken: cancellationToken);
        }
        catch (StripeException ex)
        {
            throw failures.Refused(ex, $"to read payment intent {paymentIntentId}");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }

        var method = intent.PaymentMethod;
        if (method is null)
        {
            return null;
        }

        switch (method.Type)
        {
            case "sepa_debit":
                var mandateId = intent.LatestCharge?.PaymentMethodDetails?.SepaDebit?.Mandate;
                return new SavedPaymentMethod(
                    method.Id, PaymentMethodKind.SepaDebit, method.SepaDebit?.Last4, mandateId, intent.CustomerId,
                    await MandateReferenceAsync(mandateId, cancellationToken));
            case "card":
                return new SavedPaymentMethod(method.Id, PaymentMethodKind.Card, method.Card?.Last4, null, intent.CustomerId);
            default:
                return null;
        }
    }

    /// <summary>
    /// The SEPA mandate reference (<c>payment_method_details.sepa_debit.reference</c> of the mandate). Without it the
    /// method is still worth saving, so a permanent refusal leaves it unknown; a transient one fails the lookup, so
    /// the caller retries as for the payment intent itself.
    /// </summary>
    private async Task<string?> MandateReferenceAsync(string? mandateId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(mandateId))
        {
            return null;
        }

        try
        {
            var mandate = await new MandateService(clients.Create()).GetAsync(mandateId, cancellationToken: cancellationToken);
            return mandate.PaymentMethodDetails?.SepaDebit?.Reference is { Length: > 0 } reference ? reference : null;
        }
        catch (StripeException ex)
        {
            var failure = failures.Refused(ex, $"to read mandate {mandateId}");
            if (failure.IsTransient)
            {
                throw failure;
            }

            logger.LogWarning(
                "Stripe refused to read mandate {MandateId}: HTTP {Status}, {ErrorType}/{ErrorCode}; its reference stays unknown",
                mandateId, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            return null;
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }
    }

    private async Task<Session> CreateSessionAsync(
        SessionCreateOptions options, string? idempotencyKey, string subject, string subjectId, CancellationToken cancellationToken)
    {
        var service = new SessionService(clients.Create());
        Session session;
        try
        {
            session = await service.CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
        }
        catch (StripeException ex)
        {
            // Stripe's message can echo submitted values (the email); log only its classification.
            logger.LogError(
                "Stripe refused checkout for {Subject} {SubjectId}: HTTP {Status}, {ErrorType}/{ErrorCode}",
                subject, subjectId, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            throw failures.Refused(ex, "the checkout session");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }

        logger.LogInformation("Created Stripe checkout session {SessionId} for {Subject} {SubjectId}", session.Id, subject, subjectId);
        if (string.IsNullOrEmpty(session.Url))
        {
            throw new PaymentGatewayException($"Stripe returned checkout session {session.Id} without a URL.");
        }

        return session;
    }

    internal static string IdempotencyKey(string donationId) => $"donation-checkout-{donationId}";

    private SessionCreateOptions BuildOptions(DonationCheckoutRequest request)
    {
        var monthly = request.Interval == DonationInterval.Monthly;
        var english = StripeRequestParts.Locale(request.Locale) == "en";
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
            AllowedPaymentMethodTypes = [StripeRequestParts.PaymentMethodType(request.PaymentMethod)],
            ClientReferenceId = request.DonationId,
            Metadata = metadata,
            CustomerEmail = request.DonorEmail,
            Locale = StripeRequestParts.Locale(request.Locale),
            SuccessUrl = StripeRequestParts.AppendQuery(
                website.SuccessUrl.ToString(), $"{donationQuery}&session_id={SessionIdPlaceholder}"),
            CancelUrl = StripeRequestParts.AppendQuery(website.CancelUrl.ToString(), donationQuery),
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

    /// <summary>A PaymentIntent confirmed off-session on the saved method (<see cref="StripeDuesCharge"/>).</summary>
    public Task<DuesChargeResult> ChargeDuesAsync(DuesChargeRequest request, CancellationToken cancellationToken) =>
        new StripeDuesCharge(clients, failures, logger).ChargeAsync(request, cancellationToken);

    /// <summary>
    /// A <c>payment</c>-mode session for one period's dues that saves the method again for the following years. The
    /// idempotency key covers the current UTC hour only: it absorbs double clicks and retries, while a member who
    /// comes back later (sessions expire after 24 hours) gets a fresh session.
    /// </summary>
    public async Task<CheckoutSession> CreateDuesCheckoutAsync(DuesCheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Dues need a positive amount.");
        }

        var period = PaymentMetadataKeys.Period(request.PeriodStart);
        var english = StripeRequestParts.Locale(request.Locale) == "en";
        var metadata = StripeRequestParts.DuesMetadata(request.MemberId, period);
        var memberQuery = $"memberId={Uri.EscapeDataString(request.MemberId)}";
        var knownCustomer = !string.IsNullOrEmpty(request.CustomerId);
        var options = new SessionCreateOptions
        {
            Mode = "payment",
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
                            Name = english ? $"Membership dues KOK e.V. from {period}" : $"Mitgliedsbeitrag KOK e.V. ab {period}",
                        },
                    },
                },
            ],
            AllowedPaymentMethodTypes = [StripeRequestParts.PaymentMethodType(request.PaymentMethod)],
            // Stripe takes either an existing customer or an email for a new one, never both.
            Customer = knownCustomer ? request.CustomerId : null,
            CustomerEmail = knownCustomer ? null : request.Email,
            CustomerCreation = knownCustomer ? null : "always",
            ClientReferenceId = request.MemberId,
            Metadata = metadata,
            Locale = StripeRequestParts.Locale(request.Locale),
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = new(metadata),
                Description = $"Mitgliedsbeitrag {period}",
                SetupFutureUsage = "off_session",
            },
            SuccessUrl = StripeRequestParts.AppendQuery(website.SuccessUrl.ToString(), $"{memberQuery}&session_id={SessionIdPlaceholder}"),
            CancelUrl = StripeRequestParts.AppendQuery(website.CancelUrl.ToString(), memberQuery),
        };

        var idempotencyKey = timeProvider is null
            ? null
            : $"dues-checkout:{request.MemberId}:{period}:{timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}";
        var session = await CreateSessionAsync(options, idempotencyKey, "member", request.MemberId, cancellationToken);
        return new CheckoutSession(session.Id, new Uri(session.Url));
    }
}
