namespace Kok.Domain.Dashboard;

/// <summary>
/// The well-known counter names of <see cref="DashboardCounters"/>. Names are plain identifiers because the storage
/// adapter uses them as column names. Amounts end in "Cents".
/// </summary>
public static class DashboardCounter
{
    // Scope "current": one per membership status. Processing (SEPA first payment not settled) has its own counter
    // rather than being folded into pending, so staff can tell an abandoned checkout from money on its way.
    public const string MembersPending = "membersPending";
    public const string MembersProcessing = "membersProcessing";
    public const string MembersActive = "membersActive";
    public const string MembersOverdue = "membersOverdue";
    public const string MembersLapsed = "membersLapsed";
    public const string MembersCancelling = "membersCancelling";
    public const string MembersEnded = "membersEnded";

    // Year scopes. Month scopes ("2026-03") carry only the money (duesCollectedCents, oneTimeDonationCents,
    // monthlyDonationCents and the two in-flight sums): the chart shows money per month, counts stay yearly.
    public const string DuesExpectedCents = "duesExpectedCents";
    public const string DuesCollectedCents = "duesCollectedCents";

    // SEPA debits the bank has accepted but not settled yet (status processing): money on its way, neither collected
    // nor outstanding. Dues: a year's charges and a sign-up's first debit; donations: count and sum of such payments.
    public const string DuesInFlightCents = "duesInFlightCents";
    public const string DonationsInFlight = "donationsInFlight";
    public const string DonationsInFlightCents = "donationsInFlightCents";
    public const string NewMembers = "newMembers";
    public const string Endings = "endings";
    public const string OneTimeDonations = "oneTimeDonations";
    public const string OneTimeDonationCents = "oneTimeDonationCents";
    public const string MonthlyDonations = "monthlyDonations";
    public const string MonthlyDonationCents = "monthlyDonationCents";
    public const string ReceiptsIssued = "receiptsIssued";
    public const string MailsFailed = "mailsFailed";
}
