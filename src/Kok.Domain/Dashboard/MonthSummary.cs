namespace Kok.Domain.Dashboard;

/// <summary>
/// One month (1–12) of a year for the dashboard's chart: dues collected and donations paid (one-time and monthly
/// together), net of refunds, each in the month the money came in, and the SEPA debits made that month that are still
/// in flight (dues and donations together; see <see cref="MemberContribution"/>, <see cref="DonationContribution"/>).
/// </summary>
public sealed record MonthSummary(int Month, long DuesCollectedCents, long DonationCents, long InFlightCents = 0)
{
    public static MonthSummary From(int month, DashboardCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return new MonthSummary(
            month,
            counters[DashboardCounter.DuesCollectedCents],
            counters[DashboardCounter.OneTimeDonationCents] + counters[DashboardCounter.MonthlyDonationCents],
            counters[DashboardCounter.DuesInFlightCents] + counters[DashboardCounter.DonationsInFlightCents]);
    }
}
