using Kok.Domain.Receipts;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What the office dashboard shows at a glance for one year; <see cref="Poison"/> is read live, the rest from the
/// running totals. <see cref="Months"/> always has the twelve months, January first.
/// </summary>
public sealed record DashboardSummary(
    int Year,
    MemberStatusCounts Members,
    DuesSummary Dues,
    DonationSummary Donations,
    long NewMembers,
    long Endings,
    long ReceiptsIssued,
    long MailsFailed,
    IReadOnlyList<MonthSummary> Months,
    IReadOnlyDictionary<string, int> Poison,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Open items of the "Needs attention" list (money that came back, failed monthly payments).</summary>
    public int AttentionOpen { get; init; }

    /// <summary>Why no receipt may be issued today, with the settings to update; null when receipts can be issued.</summary>
    public ReceiptIssueBlocker? ReceiptsBlocked { get; init; }

    /// <param name="scopes">
    /// Totals by scope: <see cref="DashboardScope.Current"/>, the <paramref name="year"/>'s
    /// (<see cref="DashboardScope.Year(int)"/>) and its months' (<see cref="DashboardScope.Month(int, int)"/>); scopes
    /// missing count 0.
    /// </param>
    public static DashboardSummary From(
        int year, IReadOnlyDictionary<string, DashboardCounters> scopes, IReadOnlyDictionary<string, int> poison, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var current = scopes.GetValueOrDefault(DashboardScope.Current, DashboardCounters.Empty);
        var ofYear = scopes.GetValueOrDefault(DashboardScope.Year(year), DashboardCounters.Empty);
        return new DashboardSummary(
            year,
            MemberStatusCounts.From(current),
            new DuesSummary(
                ofYear[DashboardCounter.DuesExpectedCents], ofYear[DashboardCounter.DuesCollectedCents], ofYear[DashboardCounter.DuesInFlightCents]),
            new DonationSummary(
                new DonationIntervalSummary(ofYear[DashboardCounter.OneTimeDonations], ofYear[DashboardCounter.OneTimeDonationCents]),
                new DonationIntervalSummary(ofYear[DashboardCounter.MonthlyDonations], ofYear[DashboardCounter.MonthlyDonationCents]))
            {
                InFlight = new DonationIntervalSummary(ofYear[DashboardCounter.DonationsInFlight], ofYear[DashboardCounter.DonationsInFlightCents]),
            },
            ofYear[DashboardCounter.NewMembers],
            ofYear[DashboardCounter.Endings],
            ofYear[DashboardCounter.ReceiptsIssued],
            ofYear[DashboardCounter.MailsFailed],
            Enumerable.Range(1, 12)
                .Select(m => MonthSummary.From(m, scopes.GetValueOrDefault(DashboardScope.Month(year, m), DashboardCounters.Empty)))
                .ToList(),
            poison,
            generatedAt);
    }
}
