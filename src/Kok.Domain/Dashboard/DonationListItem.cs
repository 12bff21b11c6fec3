using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Dashboard;

/// <summary>
/// One donation as the dashboard's donation list shows it; <see cref="PaidCents"/> is what its payments brought in
/// less refunds (for a monthly donation: all its payments so far).
/// </summary>
public sealed record DonationListItem(
    string Id,
    DateTimeOffset CreatedAt,
    string? DonorName,
    string? Email,
    long AmountCents,
    DonationInterval Interval,
    DonationStatus Status,
    long PaidCents,
    PaymentMethodKind? PaymentMethod)
{
    /// <summary>A bank transfer whose money has not come for 60 days (<see cref="BankTransfers.StaleTransfers"/>); set when listed.</summary>
    public bool StaleTransfer { get; init; }

    public static DonationListItem From(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var paid = donation.Payments.Where(p => p.PaidAt is not null).Sum(p => PaymentNet.Cents(p, donation.AmountCents));
        return new DonationListItem(
            donation.Id,
            donation.CreatedAt,
            string.IsNullOrEmpty(donation.Donor.Name) ? null : donation.Donor.Name,
            string.IsNullOrEmpty(donation.Donor.Email) ? null : donation.Donor.Email,
            donation.AmountCents,
            donation.Interval,
            donation.Status,
            paid,
            donation.PaymentMethod);
    }

    /// <summary>Whether <paramref name="search"/> (already lower-cased) is part of donor name, email or id.</summary>
    public bool Matches(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return SearchText(Id, DonorName, Email).Contains(search, StringComparison.Ordinal);
    }

    public static string SearchText(string id, string? donorName, string? email) =>
        string.Join('\n', donorName ?? string.Empty, email ?? string.Empty, id).ToLowerInvariant();
}
