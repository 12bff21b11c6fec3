using Kok.Domain.Payments;
using Stripe;

namespace Kok.Functions.Payments;

/// <summary>
/// Stripe's refusals as <see cref="PaymentGatewayException"/>s with only Stripe's classification: its message can
/// echo submitted personal data. Conflicts (a concurrent request with the same idempotency key), rate limits, 5xx
/// and no answer at all are transient; a rate limit carries its <c>Retry-After</c>.
/// </summary>
/// <param name="timeProvider">For a <c>Retry-After</c> given as a date; the system clock without one.</param>
internal sealed class StripeFailures(TimeProvider? timeProvider)
{
    public PaymentGatewayException Refused(StripeException ex, string what)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var status = (int)ex.HttpStatusCode;
        return new PaymentGatewayException(
            $"Stripe refused {what} (HTTP {status}, {ex.StripeError?.Type ?? "no error type"}/{ex.StripeError?.Code ?? "no code"}).", ex)
        {
            IsTransient = status is 0 or 409 or 429 or >= 500,
            RetryAfter = status == 429 ? RetryAfter(ex.StripeResponse?.Headers?.RetryAfter) : null,
        };
    }

    private TimeSpan? RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (timeProvider ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
