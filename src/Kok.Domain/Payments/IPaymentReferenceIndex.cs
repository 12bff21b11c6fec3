using Kok.Domain.Donations;

namespace Kok.Domain.Payments;

/// <summary>
/// The one index of provider references (payment intents, subscriptions) of donations and members alike, kept by the
/// save pipeline: an event that carries none of our ids finds its owner, and the owner's kind, with one lookup.
/// </summary>
public interface IPaymentReferenceIndex
{
    /// <summary>The owner of <paramref name="reference"/>, or null when none is indexed (yet).</summary>
    Task<PaymentOwner?> FindOwnerAsync(PaymentReference reference, CancellationToken cancellationToken);
}
