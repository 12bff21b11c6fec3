using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.SelfService;

namespace Kok.Domain.Payments;

/// <summary>
/// The one handler behind the provider's webhook: finds whose an event is — by our own id in the event, else by one
/// lookup of its provider reference in the shared index, which also says whether a donation or a member owns it —
/// and hands it to that owner's use case. Both answer with the same <see cref="PaymentEventDisposition"/>. A new
/// payment method set up on "Mein KOK" goes to <see cref="TakeOverPaymentMethod"/> instead, for either owner: it is
/// no payment, and must never be read as a sign-up's checkout.
/// </summary>
public sealed class PaymentEventRouter(
    HandlePaymentEvent donations,
    HandleMemberPaymentEvent members,
    IPaymentReferenceIndex references,
    TakeOverPaymentMethod? paymentMethods = null) : IPaymentEventHandler
{
    public async Task<PaymentEventDisposition> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        if (paymentEvent is PaymentMethodSetUp setUp)
        {
            return paymentMethods is null
                ? PaymentEventDisposition.Ignored
                : await paymentMethods.ExecuteAsync(setUp, cancellationToken).ConfigureAwait(false);
        }

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
