using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Payments;

/// <summary>
/// The one handler behind the provider's webhook: finds whose an event is — by our own id in the event, else by one
/// lookup of its provider reference in the shared index, which also says whether a donation or a member owns it —
/// and hands it to that owner's use case. Both answer with the same <see cref="PaymentEventDisposition"/>.
/// </summary>
public sealed class PaymentEventRouter(
    HandlePaymentEvent donations,
    HandleMemberPaymentEvent members,
    IPaymentReferenceIndex references) : IPaymentEventHandler
{
    public async Task<PaymentEventDisposition> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var owner = PaymentEventOwners.Direct(paymentEvent) ?? await FindAsync(paymentEvent, cancellationToken).ConfigureAwait(false);
        return owner?.Kind switch
        {
            PaymentOwnerKind.Donation => (await donations.ExecuteAsync(paymentEvent, owner.Id, cancellationToken).ConfigureAwait(false)).Disposition,
            PaymentOwnerKind.Member => (await members.ExecuteAsync(paymentEvent, owner.Id, cancellationToken).ConfigureAwait(false)).Disposition,
            _ => PaymentEventOwners.WhenNotFound(paymentEvent),
        };
    }

    private async Task<PaymentOwner?> FindAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        foreach (var reference in PaymentEventOwners.References(paymentEvent))
        {
            if (await references.FindOwnerAsync(reference, cancellationToken).ConfigureAwait(false) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }
}
