using Kok.Domain.Payments;
using Microsoft.Extensions.Logging;
using Stripe;
using Stripe.Checkout;

namespace Kok.Functions.Payments;

/// <summary>
/// <see cref="IPaymentMethodSetup"/> on Stripe: a Checkout Session in <c>setup</c> mode for the supporter's existing
/// customer (card or SEPA Direct Debit, the supporter picks on Stripe's page), which saves the new method on that
/// customer through a SetupIntent; our id travels as metadata on session and SetupIntent, so both confirmations
/// (<c>checkout.session.completed</c>, <c>setup_intent.succeeded</c>) are routed without a lookup. What was set up is
/// read from the SetupIntent with its payment method and mandate expanded (the events carry neither).
/// </summary>
public sealed class StripePaymentMethodSetup(
    StripeClientProvider clients,
    ILogger<StripePaymentMethodSetup> logger,
    TimeProvider? timeProvider = null) : IPaymentMethodSetup
{
    private readonly StripeFailures failures = new(timeProvider);

    public async Task<CheckoutSession> StartAsync(PaymentMethodSetupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Owner.Kind == PaymentOwnerKind.Member ? PaymentMetadataKeys.MemberId : PaymentMetadataKeys.DonationId;
        var metadata = new Dictionary<string, string> { [key] = request.Owner.Id };
        var options = new SessionCreateOptions
        {
            Mode = "setup",
            Customer = request.CustomerId,
            Currency = "eur",
            AllowedPaymentMethodTypes = ["card", "sepa_debit"],
            Metadata = metadata,
            SetupIntentData = new SessionSetupIntentDataOptions { Metadata = new(metadata) },
            Locale = StripeRequestParts.Locale(request.Locale),
            SuccessUrl = request.ReturnUrl.ToString(),
            CancelUrl = request.CancelUrl.ToString(),
        };

        Session session;
        try
        {
            session = await new SessionService(clients.Create()).CreateAsync(
                options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
        }
        catch (StripeException ex)
        {
            logger.LogError(
                "Stripe refused the payment method setup for {Owner} {OwnerId}: HTTP {Status}, {ErrorType}/{ErrorCode}",
                request.Owner.Kind, request.Owner.Id, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            throw failures.Refused(ex, "the payment method setup");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }

        logger.LogInformation("Created Stripe setup session {SessionId} for {Owner} {OwnerId}", session.Id, request.Owner.Kind, request.Owner.Id);
        return string.IsNullOrEmpty(session.Url)
            ? throw new PaymentGatewayException($"Stripe returned setup session {session.Id} without a URL.")
            : new CheckoutSession(session.Id, new Uri(session.Url));
    }

    public async Task<SavedPaymentMethod?> SetUpMethodAsync(string setupIntentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(setupIntentId);
        SetupIntent intent;
        try
        {
            intent = await new SetupIntentService(clients.Create()).GetAsync(
                setupIntentId, new SetupIntentGetOptions { Expand = ["payment_method", "mandate"] }, cancellationToken: cancellationToken);
        }
        catch (StripeException ex)
        {
            throw failures.Refused(ex, $"to read setup intent {setupIntentId}");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }

        if (intent.Status != "succeeded" || intent.PaymentMethod is not { } method)
        {
            return null;
        }

        return method.Type switch
        {
            "sepa_debit" => new SavedPaymentMethod(
                method.Id, PaymentMethodKind.SepaDebit, method.SepaDebit?.Last4, intent.MandateId, intent.CustomerId,
                intent.Mandate?.PaymentMethodDetails?.SepaDebit?.Reference is { Length: > 0 } reference ? reference : null),
            "card" => new SavedPaymentMethod(method.Id, PaymentMethodKind.Card, method.Card?.Last4, null, intent.CustomerId),
            _ => null,
        };
    }
}
