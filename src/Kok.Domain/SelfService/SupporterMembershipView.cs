using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>A membership as its member sees it on "Mein KOK": status, fee, dates and the dues paid (or not).</summary>
public sealed record SupporterMembershipView(
    string MemberId,
    MembershipStatus Status,
    MemberKind Kind,
    string Name,
    PostalAddress Address,
    long AnnualAmountCents,
    PaymentMethodKind PaymentMethod,
    DateTimeOffset CreatedAt,
    DateOnly? MemberSince,
    DateOnly? PaidThrough,
    DateOnly? NextDuesDate,
    DateOnly? EndsOn,
    IReadOnlyList<PaymentView> Dues)
{
    /// <summary>Whether the member may set a new annual amount (its dues still run).</summary>
    public bool AmountChangeable { get; init; }

    /// <summary>The last four digits of the card or IBAN the dues are charged on, when known.</summary>
    public string? PaymentMethodLast4 { get; init; }

    /// <summary>Whether the member may set up another card or SEPA mandate for the next dues (<see cref="StartPaymentMethodChange"/>).</summary>
    public bool PaymentMethodChangeable { get; init; }

    /// <summary>The least annual amount the association takes, for the form.</summary>
    public long MinimumAnnualAmountCents { get; init; }

    public static SupporterMembershipView Of(Member member, MembershipRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(member);
        var view = MemberView.Of(member);
        return new SupporterMembershipView(
            view.MemberId, view.Status, view.Kind, view.Name, view.Address, view.AnnualAmountCents, view.PaymentMethod,
            view.CreatedAt, view.MemberSince, view.PaidThrough, view.NextDuesDate, view.EndsOn, view.Payments)
        {
            AmountChangeable = member.DuesRun,
            PaymentMethodLast4 = member.SavedPaymentMethod?.Last4,
            PaymentMethodChangeable = member.PaymentMethodReplaceable,
            MinimumAnnualAmountCents = rules.MinimumAnnualAmountCents,
        };
    }
}
