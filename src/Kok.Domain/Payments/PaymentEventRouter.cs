using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Payments;

/// <summary>
/// The one handler behind the provider's webhook: hands each event to the use case of what it concerns and tells
/// the sender whether to deliver it again. Events naming a member (metadata <c>memberId</c> or a member id as
/// client reference) go to the members, events naming a donation to the donations; events without our ids (refunds)
/// are tried on donations first, then on members.
/// </summary>
public sealed class PaymentEventRouter(HandlePaymentEvent donations, HandleMemberPaymentEvent members) : IPaymentEventHandler
{
    public async Task<PaymentEventDisposition> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        if (HandleMemberPaymentEvent.NamesMember(paymentEvent))
        {
            return (await members.ExecuteAsync(paymentEvent, cancellationToken).ConfigureAwait(false)).Disposition;
        }

        var donation = await donations.ExecuteAsync(paymentEvent, cancellationToken).ConfigureAwait(false);
        if (donation.Outcome != PaymentEventOutcome.DonationNotFound
            || paymentEvent.MetadataValue(PaymentMetadataKeys.DonationId) is not null)
        {
            return ToDisposition(donation);
        }

        var member = await members.ExecuteAsync(paymentEvent, cancellationToken).ConfigureAwait(false);
        if (member.Found)
        {
            return member.Disposition;
        }

        return donation.ShouldRetry || member.Disposition == PaymentEventDisposition.RetryLater
            ? PaymentEventDisposition.RetryLater
            : PaymentEventDisposition.Ignored;
    }

    private static PaymentEventDisposition ToDisposition(PaymentEventHandled handled)
    {
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
