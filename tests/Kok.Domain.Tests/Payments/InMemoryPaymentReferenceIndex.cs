using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Tests.Payments;

/// <summary>The shared reference index over the in-memory repositories, which keep their references themselves.</summary>
internal sealed class InMemoryPaymentReferenceIndex(IDonationRepository donations, IMemberRepository members) : IPaymentReferenceIndex
{
    public async Task<PaymentOwner?> FindOwnerAsync(PaymentReference reference, CancellationToken cancellationToken)
    {
        if (await donations.FindIdAsync(reference, cancellationToken) is { } donationId)
        {
            return new PaymentOwner(PaymentOwnerKind.Donation, donationId);
        }

        return await members.FindIdAsync(reference, cancellationToken) is { } memberId
            ? new PaymentOwner(PaymentOwnerKind.Member, memberId)
            : null;
    }
}
