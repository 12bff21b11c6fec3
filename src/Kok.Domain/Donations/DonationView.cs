using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// A donation as staff see it (<c>GET /api/donations/{id}</c>). No donor data: the status page needs none, and what
/// is not shown cannot leak.
/// </summary>
public sealed record DonationView(
    string DonationId,
    DonationStatus Status,
    long AmountCents,
    DonationInterval Interval,
    PaymentMethodKind PaymentMethod,
    bool WantsReceipt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<PaymentView> Payments)
{
    /// <summary>The privacy notice the donor was shown (evidence for Art. 13 DSGVO); null for older donations.</summary>
    public string? PrivacyNoticeVersion { get; init; }
}
