using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// The pseudonym an erased supporter's donations and memberships carry from then on: the name says "erased", the
/// address is empty and the email is an address under the reserved <c>.invalid</c> domain (RFC 2606) made of the
/// record's own id, so nothing can be mailed to it and no two records share it (a supporter who gives again is a new
/// one). Money, dates, ids, payments, consents and the receipts' data stay: the books and the retained receipts rest
/// on them.
/// </summary>
public static class ErasedSupporter
{
    public const string Name = "Gelöscht / erased";
    public const string EmailDomain = "erased.invalid";

    /// <summary>Why a mail still waiting for an erased supporter was not sent (the mail log's reason).</summary>
    public const string SkipReason = "supporter_erased";

    public static string EmailFor(string recordId) => recordId + "@" + EmailDomain;

    public static bool IsErased(string? email) =>
        email is not null && email.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase);

    public static DonationSnapshot Pseudonymise(DonationSnapshot donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return donation with { Donor = new ContactDetails(Name, EmailFor(donation.Id), null) };
    }

    /// <summary>The saved card's or mandate's last digits go too (the IBAN's ending names an account).</summary>
    public static MemberSnapshot Pseudonymise(MemberSnapshot member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member with
        {
            Name = Name,
            ContactPerson = null,
            Email = EmailFor(member.Id),
            Address = new PostalAddress(string.Empty, string.Empty, string.Empty, string.Empty),
            SavedPaymentMethod = member.SavedPaymentMethod is { } method ? method with { Last4 = null, MandateReference = null } : null,
        };
    }

    public static Donation Pseudonymise(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return Donation.FromSnapshot(Pseudonymise(donation.ToSnapshot()));
    }

    public static Member Pseudonymise(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Member.FromSnapshot(Pseudonymise(member.ToSnapshot()));
    }
}
