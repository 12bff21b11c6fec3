namespace Kok.Domain.Dashboard;

/// <summary>What the office dashboard shows at a glance for one year; <see cref="Poison"/> is read live, the rest from the running totals.</summary>
public sealed record DashboardSummary(
    int Year,
    MemberStatusCounts Members,
    DuesSummary Dues,
    DonationSummary Donations,
    long NewMembers,
    long Endings,
    long ReceiptsIssued,
    long MailsFailed,
    IReadOnlyDictionary<string, int> Poison,
    DateTimeOffset GeneratedAt)
{
    public static DashboardSummary From(
        int year,
        DashboardCounters current,
        DashboardCounters ofYear,
        IReadOnlyDictionary<string, int> poison,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(ofYear);
        return new DashboardSummary(
            year,
            MemberStatusCounts.From(current),
            new DuesSummary(ofYear[DashboardCounter.DuesExpectedCents], ofYear[DashboardCounter.DuesCollectedCents]),
            new DonationSummary(
                new DonationIntervalSummary(ofYear[DashboardCounter.OneTimeDonations], ofYear[DashboardCounter.OneTimeDonationCents]),
                new DonationIntervalSummary(ofYear[DashboardCounter.MonthlyDonations], ofYear[DashboardCounter.MonthlyDonationCents])),
            ofYear[DashboardCounter.NewMembers],
            ofYear[DashboardCounter.Endings],
            ofYear[DashboardCounter.ReceiptsIssued],
            ofYear[DashboardCounter.MailsFailed],
            poison,
            generatedAt);
    }
}
