using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// The persisted state of a <see cref="Donation"/>, for repositories: <see cref="Donation.ToSnapshot"/> to store,
/// <see cref="Donation.FromSnapshot"/> to load. The status is derived, not stored (an adapter may store
/// <see cref="Donation.Status"/> alongside for queries).
/// </summary>
public sealed record DonationSnapshot(
    string Id,
    ContactDetails Donor,
    long AmountCents,
    DonationInterval Interval,
    PaymentMethodKind PaymentMethod,
    string Locale,
    bool WantsReceipt,
    DateTimeOffset CreatedAt,
    string? CheckoutSessionId,
    Uri? CheckoutUrl,
    string? SubscriptionId,
    string? CustomerId,
    DateTimeOffset? CheckoutCompletedAt,
    DateTimeOffset? CheckoutFailedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<PaymentSnapshot> Payments,
    IReadOnlyList<string> ProcessedEventIds)
{
    /// <summary>Why a monthly donation ended; init-only, so rows saved before it existed read as unknown.</summary>
    public SubscriptionEndReason EndReason { get; init; }

    /// <summary>The privacy notice shown to the donor; init-only, so rows saved before it existed read as null.</summary>
    public string? PrivacyNoticeVersion { get; init; }

    /// <summary>When the provider's latest subscription terms (amount, pause, planned end) were stated.</summary>
    public DateTimeOffset? TermsChangedAt { get; init; }

    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The provider's id of a payment method the donor set up later for a monthly donation; null until then.</summary>
    public string? SetUpPaymentMethodId { get; init; }

    public DateTimeOffset? EndsAt { get; init; }
}
