using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// A membership as staff see it (<c>GET /api/memberships/{id}</c>): every field, the status history and the dues
/// payments. <see cref="EndsOn"/> is the first day no longer a member, <see cref="MemberUntil"/> the last day of
/// membership, the end date people are told (<see cref="MembershipEnd"/>). Contains personal data: staff only, never logged.
/// </summary>
public sealed record MemberView(
    string MemberId,
    MembershipStatus Status,
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
    DateOnly? MemberSince,
    DateOnly? PaidThrough,
    DateOnly? NextDuesDate,
    DateTimeOffset? CancelledAt,
    string? CancelledBy,
    DateOnly? EndsOn,
    DateOnly? MemberUntil,
    string? CustomerId,
    SavedPaymentMethod? SavedPaymentMethod,
    IReadOnlyList<MembershipStatusChange> StatusHistory,
    IReadOnlyList<PaymentView> Payments)
{
    public static MemberView Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new MemberView(
            member.Id,
            member.Status,
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
            member.MemberSince,
            member.PaidThrough,
            member.NextDuesDate,
            member.CancelledAt,
            member.CancelledBy,
            member.EndsOn,
            member.MemberUntil,
            member.CustomerId,
            member.SavedPaymentMethod,
            member.StatusHistory,
            member.Payments
                .Select(p => new PaymentView(p.Id, p.AmountCents, p.Status, p.CreatedAt, p.PaidAt, p.FailedAt, p.RefundedAt, p.RefundedCents))
                .ToList());
    }
}
