using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// Nothing to pay by the link today: the membership is active (paid meanwhile), not yet active, cancelled or ended,
/// or a payment of the dues is already on its way (<see cref="PaymentInProgress"/>, e.g. a SEPA debit from an earlier
/// click that has not settled; a second payment would not be counted). <see cref="Locale"/> chooses the page's language.
/// </summary>
public sealed record NoDuesToPay(MembershipStatus Status, bool PaymentInProgress, string Locale) : PayDuesResult
{
    /// <summary>True when the membership is over (cancelled or ended), not merely paid up.</summary>
    public bool MembershipEnded => Status is MembershipStatus.Cancelling or MembershipStatus.Ended;
}
