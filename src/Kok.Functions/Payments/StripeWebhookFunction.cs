using Kok.Domain.Payments;
using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Payments;

/// <summary>
/// Stripe's webhook endpoint (<c>POST /api/stripe/webhook</c>). Answers 400 only for requests that are not provably
/// from Stripe, and 200 for every verified event, including duplicates and types we ignore, so Stripe stops
/// resending them; a signed body that is not a readable event is a 400 naming the field. Failures while storing
/// surface as exceptions, which <see cref="Http.StorageUnavailableMiddleware"/> answers 503, so Stripe retries.
/// </summary>
public sealed class StripeWebhookFunction(
    StripeEventTranslator translator,
    IPaymentEventHandler handler,
    ILogger<StripeWebhookFunction> logger)
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Far above any event Stripe sends (a few KB; an invoice with many lines some tens), far below harm.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    [Function("StripeWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stripe/webhook")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The signature covers the exact bytes Stripe sent, so the body is read raw, never model-bound.
        var (body, problem) = await JsonRequestBody.ReadLimitedAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var translation = translator.Translate(body, request.Headers[SignatureHeader].ToString());
        switch (translation.Status)
        {
            case StripeEventTranslationStatus.InvalidSignature:
                logger.LogWarning("Rejected Stripe webhook: {Problem}", translation.Problem);
                return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid Stripe signature", translation.Problem);

            case StripeEventTranslationStatus.Malformed:
                logger.LogWarning(
                    "Rejected signed Stripe webhook {EventId} ({EventType}): {Problem}",
                    translation.StripeEventId, translation.StripeEventType, translation.Problem);
                return translation.Errors is { } errors
                    ? ProblemResults.Validation(errors, title: "Unreadable Stripe event")
                    : ProblemResults.Problem(StatusCodes.Status400BadRequest, "Unreadable Stripe event", translation.Problem);

            case StripeEventTranslationStatus.Ignored:
                logger.LogInformation(
                    "Ignored Stripe event {EventId} of type {EventType}",
                    translation.StripeEventId, translation.StripeEventType);
                return Accepted(translation, "ignored");

            default:
                var outcome = await handler.HandleAsync(translation.Event!, cancellationToken);
                logger.LogInformation(
                    "Stripe event {EventId} of type {EventType}: {Outcome}",
                    translation.StripeEventId, translation.StripeEventType, outcome);
                if (outcome == PaymentEventDisposition.RetryLater)
                {
                    // Stripe redelivers on any non-2xx, with backoff, for up to three days.
                    return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Event cannot be applied yet",
                        "It refers to something not recorded yet; please deliver it again.");
                }

                return Accepted(translation, WireName(outcome));
        }
    }

    /// <summary>
    /// The outcome as the answer names it, spelled out so renaming a domain value cannot change the API. An event that
    /// told nothing new answers <c>duplicate</c>, as it always has: for the sender both mean "already known".
    /// </summary>
    private static string WireName(PaymentEventDisposition outcome) => outcome switch
    {
        PaymentEventDisposition.Processed => "processed",
        PaymentEventDisposition.Duplicate or PaymentEventDisposition.Unchanged => "duplicate",
        PaymentEventDisposition.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an accepted outcome."),
    };

    private static OkObjectResult Accepted(StripeEventTranslation translation, string outcome) =>
        new(new StripeWebhookReceipt(translation.StripeEventId, translation.StripeEventType, outcome));
}
