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
    DateOnly? DuesAgendaDate = null)
{
    /// <summary>Dues payments taken back by the bank; init-only, so rows saved before it existed read as none.</summary>
    public IReadOnlyList<MemberReturn>? Returns { get; init; }

    /// <summary>What <see cref="Member.ToSnapshot"/> stores.</summary>
    internal static MemberSnapshot Of(Member member, PaymentLedger ledger) => new(
        member.Id,
        member.Kind,
        member.Name,
        member.ContactPerson,
        member.Email,
        member.Address,
        member.AnnualAmountCents,
        member.PaymentMethod,
        member.Locale,
        member.Consent,
        member.CreatedAt,
        member.Status,
        member.StatusHistory.ToList(),
        member.CheckoutSessionId,
        member.CheckoutUrl,
        member.CheckoutCompletedAt,
        member.CustomerId,
        member.SavedPaymentMethod,
        member.MemberSince,
        member.PaidThrough,
        member.NextDuesDate,
        member.CancelledAt,
        member.CancelledBy,
        member.EndsOn,
        ledger.PaymentSnapshots(),
        ledger.ProcessedEventIdSnapshot(),
        member.Dues,
        member.DuesEntries,
        member.DuesAgendaDate)
    {
        Returns = member.Returns,
    };
}
