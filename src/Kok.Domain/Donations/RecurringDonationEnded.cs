using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>A monthly donation's subscription ended: no further payments will come. <paramref name="Reason"/> says why.</summary>
public sealed record RecurringDonationEnded(string DonationId, SubscriptionEndReason Reason = SubscriptionEndReason.Unknown)
    : DonationEvent(DonationId);
