using Kok.Domain.BankTransfers;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// Which donations and sign-ups never got paid and are old enough to lose their personal data
/// (<see cref="RetentionPeriods.AbandonedDays"/>): pending, failed or cancelled with nothing ever paid. A transfer
/// donation still waiting for its money is kept at least until staff see it as stale
/// (<see cref="StaleTransfers.StaleAfterDays"/>): money that comes later must still find its donor for the receipt.
/// </summary>
public static class AbandonedRecords
{
    public static bool IsAbandoned(Donation donation, DateTimeOffset now, RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(donation);
        ArgumentNullException.ThrowIfNull(periods);
        var days = donation.PaymentMethod == PaymentMethodKind.BankTransfer
            ? Math.Max(periods.AbandonedDays, StaleTransfers.StaleAfterDays)
            : periods.AbandonedDays;
        return donation.Status is DonationStatus.Pending or DonationStatus.Failed or DonationStatus.Cancelled
            && donation.Payments.All(p => p.PaidAt is null)
            && donation.CreatedAt < now.AddDays(-days)
            && !ErasedSupporter.IsErased(donation.Donor.Email);
    }

    public static bool IsAbandoned(Member member, DateTimeOffset now, RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(periods);
        return member.Status is MembershipStatus.Pending or MembershipStatus.Ended
            && member.Payments.All(p => p.PaidAt is null)
            && member.CreatedAt < periods.AbandonedBefore(now)
            && !ErasedSupporter.IsErased(member.Email);
    }
}
