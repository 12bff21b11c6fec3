using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// The persisted state of a <see cref="Member"/>: <see cref="Member.ToSnapshot"/> to store,
/// <see cref="Member.FromSnapshot"/> to load. Personal data: never log it.
/// </summary>
public sealed record MemberSnapshot(
    string Id,
    MemberKind Kind,
    string Name,
    string? ContactPerson,
    string Email,
    PostalAddress Address,
    long AnnualAmountCents,
    PaymentMethodKind PaymentMethod,
    string Locale,
    PrivacyConsent Consent,
    DateTimeOffset CreatedAt,
    MembershipStatus Status,
    IReadOnlyList<MembershipStatusChange> StatusHistory,
    string? CheckoutSessionId,
    Uri? CheckoutUrl,
    DateTimeOffset? CheckoutCompletedAt,
    string? CustomerId,
    SavedPaymentMethod? SavedPaymentMethod,
    DateOnly? MemberSince,
    DateOnly? PaidThrough,
    DateOnly? NextDuesDate,
    DateTimeOffset? CancelledAt,
    string? CancelledBy,
    DateOnly? EndsOn,
    IReadOnlyList<PaymentSnapshot> Payments,
    IReadOnlyList<string> ProcessedEventIds,
    DuesCycle? Dues = null,
    IReadOnlyList<DuesEntry>? DuesEntries = null,
    DateOnly? DuesAgendaDate = null);
