using Kok.Domain.Donations;

namespace Kok.Domain.Payments;

/// <summary>
/// The one handler behind the provider's webhook: hands each event to the use case of what it concerns and tells
/// the sender whether to deliver it again.
/// </summary>
public sealed class PaymentEventRouter(HandlePaymentEvent donations) : IPaymentEventHandler
{
    public async Task<PaymentEventDisposition> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        var handled = await donations.ExecuteAsync(paymentEvent, cancellationToken).ConfigureAwait(false);
        if (handled.ShouldRetry)
        {
            return PaymentEventDisposition.RetryLater;
        }

        return handled.Outcome switch
        {
            PaymentEventOutcome.Applied => PaymentEventDisposition.Processed,
            PaymentEventOutcome.Duplicate or PaymentEventOutcome.NoChange => PaymentEventDisposition.Duplicate,
            _ => PaymentEventDisposition.Ignored,
        };
    }
}
