using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Dashboard;

/// <summary>
/// One member as the dashboard's member list shows it. <see cref="DueDate"/> is the next dues date, which for an
/// overdue or lapsed member is still the unpaid period's due date (it only moves when a period is paid); members
/// without one (pending, cancelled) sort last. <see cref="OutstandingCents"/> is the annual amount while a period is
/// payable (overdue, lapsed), else 0.
/// </summary>
public sealed record MemberListItem(
    string Id,
    MemberKind Kind,
    string Name,
    string? ContactPerson,
    string Email,
    MembershipStatus Status,
    long AnnualAmountCents,
    PaymentMethodKind PaymentMethod,
    DateOnly? MemberSince,
    DateOnly? DueDate,
    long OutstandingCents,
    string City)
{
    public static MemberListItem From(Member member, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new MemberListItem(
            member.Id,
            member.Kind,
            member.Name,
            member.ContactPerson,
            member.Email,
            member.Status,
            member.AnnualAmountCents,
            member.PaymentMethod,
            member.MemberSince,
            member.NextDuesDate,
            member.PayableDuesPeriod(today) is null ? 0 : member.AnnualAmountCents,
            member.Address.City);
    }

    /// <summary>
    /// The day the list's facts about <paramref name="member"/> were last decided: its last status change. What is
    /// outstanding only changes with the status, so the index computes it as of that day and needs no clock.
    /// </summary>
    public static DateOnly ListedOn(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return AssociationCalendar.Date(member.StatusHistory.Count > 0 ? member.StatusHistory[^1].At : member.CreatedAt);
    }

    /// <summary>Whether <paramref name="search"/> (already lower-cased) is part of name, contact person, email or id.</summary>
    public bool Matches(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return SearchText(Id, Name, ContactPerson, Email).Contains(search, StringComparison.Ordinal);
    }

    /// <summary>The lower-cased text <c>q</c> is looked for in (fields joined by a line break, so no match spans two).</summary>
    public static string SearchText(string id, string name, string? contactPerson, string email) =>
        string.Join('\n', name, contactPerson ?? string.Empty, email, id).ToLowerInvariant();
}
