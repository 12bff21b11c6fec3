using Kok.Domain.Payments;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>Plays the domain behind the webhook: remembers every event, and reports repeats as duplicates.</summary>
internal sealed class RecordingPaymentEventHandler : IPaymentEventHandler
{
    private readonly Lock gate = new();
    private readonly List<PaymentEvent> received = [];

    public IReadOnlyList<PaymentEvent> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    public Task<PaymentEventDisposition> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var duplicate = received.Exists(e => e.EventId == paymentEvent.EventId);
            received.Add(paymentEvent);
            return Task.FromResult(duplicate ? PaymentEventDisposition.Duplicate : PaymentEventDisposition.Processed);
        }
    }
}
