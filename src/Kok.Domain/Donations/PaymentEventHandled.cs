using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// Result of <see cref="HandlePaymentEvent"/>. When <see cref="ShouldRetry"/> is true the webhook must answer with an
/// error status so the provider delivers the event again; otherwise 2xx.
/// </summary>
public sealed record PaymentEventHandled(
    PaymentEventOutcome Outcome,
    string? DonationId,
    IReadOnlyList<DonationEvent> Events,
    bool ShouldRetry)
{
    internal static PaymentEventHandled NotFound(PaymentEvent paymentEvent) =>
        new(
            PaymentEventOutcome.DonationNotFound,
            null,
            [],
            // An event without our id is found only through the index of provider ids, which is written when an
            // earlier event of the donation is applied; if it overtook that event it must come again. An event with
            // our id (or a checkout event, which always has it) whose donation does not exist never will match.
            ShouldRetry: paymentEvent is ChargeRefunded or InvoicePaid or SubscriptionEnded
                && paymentEvent.MetadataValue(PaymentMetadataKeys.DonationId) is null);
}
