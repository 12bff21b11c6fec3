using Kok.Domain.Payments;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Kok.Functions.Payments;

/// <summary>
/// One year's dues charged off-session at Stripe: a PaymentIntent created and confirmed on the method the member saved
/// at sign-up, under the dues run's idempotency key. Part of <see cref="StripePaymentGateway"/>.
/// </summary>
internal sealed class StripeDuesCharge(StripeClientProvider clients, StripeFailures failures, ILogger logger)
{
    /// <summary>
    /// A PaymentIntent confirmed off-session on the saved method. Stripe answers a decline or a card that needs
    /// authentication with HTTP 402 (<c>card_error</c>) naming the payment intent; those are results, not failures.
    /// Stripe.net retries network errors, 409 and 5xx (at most twice, same idempotency key), and a 429 only when
    /// Stripe says <c>Stripe-Should-Retry: true</c>, so a rate limit reaches the caller with its <c>Retry-After</c>.
    /// </summary>
    public async Task<DuesChargeResult> ChargeAsync(DuesChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Dues need a positive amount.");
        }

        var period = PaymentMetadataKeys.Period(request.PeriodStart);
        var options = new PaymentIntentCreateOptions
        {
            Amount = request.AmountCents,
            Currency = "eur",
            Customer = request.CustomerId,
            PaymentMethod = request.PaymentMethodId,
            AllowedPaymentMethodTypes = [StripeRequestParts.PaymentMethodType(request.PaymentMethod)],
            OffSession = true,
            Confirm = true,
            Metadata = StripeRequestParts.DuesMetadata(request.MemberId, period),
            Description = $"Mitgliedsbeitrag {period}",
        };

        PaymentIntent intent;
        try
        {
            intent = await new PaymentIntentService(clients.Create()).CreateAsync(
                options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            var error = ex.StripeError;
            var result = new DuesChargeResult(
                error.Code == "authentication_required" ? DuesChargeStatus.RequiresAction : DuesChargeStatus.Failed,
                error.PaymentIntent?.Id,
                error.Code ?? error.DeclineCode);
            logger.LogWarning(
                "Stripe refused the dues charge for member {MemberId}, period {Period}: {Status} {FailureCode} ({PaymentIntentId})",
                request.MemberId, period, result.Status, result.FailureCode, result.PaymentIntentId);
            return result;
        }
        catch (StripeException ex)
        {
            logger.LogError(
                "Stripe failed the dues charge for member {MemberId}, period {Period}: HTTP {Status}, {ErrorType}/{ErrorCode}",
                request.MemberId, period, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            throw failures.Refused(ex, "the dues charge");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }

        var charged = Charged(intent);
        logger.LogInformation(
            "Dues charge {PaymentIntentId} for member {MemberId}, period {Period}: {Status}",
            intent.Id, request.MemberId, period, charged.Status);
        return charged;
    }

    private static DuesChargeResult Charged(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => new(DuesChargeStatus.Succeeded, intent.Id),
        "processing" => new(DuesChargeStatus.Processing, intent.Id),
        "requires_action" => new(DuesChargeStatus.RequiresAction, intent.Id, intent.LastPaymentError?.Code ?? "authentication_required"),
        "requires_payment_method" when intent.LastPaymentError?.Code == "authentication_required" =>
            new(DuesChargeStatus.RequiresAction, intent.Id, "authentication_required"),
        "requires_payment_method" or "canceled" =>
            new(DuesChargeStatus.Failed, intent.Id, intent.LastPaymentError?.Code ?? intent.LastPaymentError?.DeclineCode ?? intent.Status),
        _ => throw new PaymentGatewayException($"Stripe left dues charge {intent.Id} in unexpected status '{intent.Status}'."),
    };
}
