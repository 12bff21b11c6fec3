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

    /// <param name="months">Totals by month scope (<see cref="DashboardScope.Month(int, int)"/>); months missing count 0.</param>
    public static DashboardSummary From(
        int year,
        DashboardCounters current,
        DashboardCounters ofYear,
        IReadOnlyDictionary<string, DashboardCounters> months,
        IReadOnlyDictionary<string, int> poison,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(ofYear);
        ArgumentNullException.ThrowIfNull(months);
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
                .Select(m => MonthSummary.From(m, months.TryGetValue(DashboardScope.Month(year, m), out var c) ? c : DashboardCounters.Empty))
                .ToList(),
            poison,
            generatedAt);
    }
}
