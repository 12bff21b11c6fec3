using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What one supporting member adds to the dashboard:
/// <list type="bullet">
/// <item>scope <c>current</c>: 1 under its status (<c>membersPending</c> … <c>membersEnded</c>; processing apart).</item>
/// <item>the year of <see cref="Member.MemberSince"/> (Berlin date of the first payment): <c>newMembers</c> 1, and the
/// first year's dues as expected and collected, both the payment's amount less refunds (a refunded payment is no
/// longer asked for, so it is neither expected nor collected).</item>
/// <item>each later year's dues (<see cref="Member.DuesEntries"/>) in the year its period starts: expected = the
/// entry's amount, or the paid payment's amount less refunds once paid; collected = that net amount when paid, else
/// 0; in flight (<c>duesInFlightCents</c>) = the entry's amount while its SEPA debit is processing. Pending and failed
/// entries are thus outstanding in their period's year, also after the member lapsed or left.</item>
/// <item>a sign-up whose first SEPA debit is processing: its amount as expected and in flight, in the year of the
/// checkout, until the debit settles (then the first year's dues above) or fails (then nothing).</item>
/// <item>the year of <see cref="Member.EndsOn"/> for a cancelling or ended membership: <c>endings</c> 1.</item>
/// <item>month scopes, for the chart: collected dues in the (Berlin) month the money came in (the payment's paid date:
/// a charge of the March period paid in December counts in December), money in flight in the month the debit was
/// made (the charge request's day, the checkout's day).</item>
/// </list>
/// Pending sign-ups owe nothing yet: they add only their status count.
/// </summary>
public static class MemberContribution
{
    public static DashboardContribution Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var contribution = DashboardContribution.None.With(DashboardScope.Current, StatusCounter(member.Status), 1);
        var payments = member.Payments;

        if (member.MemberSince is { } since)
        {
            var year = DashboardScope.Year(since.Year);
            contribution = contribution.With(year, DashboardCounter.NewMembers, 1);
            if (member.FirstPayment is { PaidAt: { } paidAt } first)
            {
                var net = PaymentNet.Cents(first, member.AnnualAmountCents);
                contribution = contribution
                    .With(year, DashboardCounter.DuesExpectedCents, net)
                    .With(year, DashboardCounter.DuesCollectedCents, net)
                    .With(DashboardScope.MonthOf(paidAt), DashboardCounter.DuesCollectedCents, net);
            }
        }
        else if (member.Status == MembershipStatus.Processing && member.FirstPayment is { Status: PaymentStatus.Processing } debit)
        {
            var amount = debit.AmountCents > 0 ? debit.AmountCents : member.AnnualAmountCents;
            contribution = contribution
                .With(DashboardScope.YearOf(debit.CreatedAt), DashboardCounter.DuesExpectedCents, amount)
                .With(DashboardScope.YearOf(debit.CreatedAt), DashboardCounter.DuesInFlightCents, amount)
                .With(DashboardScope.MonthOf(debit.CreatedAt), DashboardCounter.DuesInFlightCents, amount);
        }

        foreach (var entry in member.DuesEntries)
        {
            var year = DashboardScope.Year(entry.PeriodStart.Year);
            switch (entry.Status)
            {
                case DuesEntryStatus.Paid:
                    var payment = payments.FirstOrDefault(p => p.Id == entry.PaymentId);
                    var net = payment is null ? entry.AmountCents : PaymentNet.Cents(payment, entry.AmountCents);
                    var cameIn = payment?.PaidAt ?? entry.SettledAt;
                    contribution = contribution
                        .With(year, DashboardCounter.DuesExpectedCents, net)
                        .With(year, DashboardCounter.DuesCollectedCents, net)
                        .With(cameIn is { } at ? DashboardScope.MonthOf(at) : DashboardScope.Month(entry.PeriodStart), DashboardCounter.DuesCollectedCents, net);
                    break;
                case DuesEntryStatus.Processing:
                    contribution = contribution
                        .With(year, DashboardCounter.DuesExpectedCents, entry.AmountCents)
                        .With(year, DashboardCounter.DuesInFlightCents, entry.AmountCents)
                        .With(DashboardScope.Month(entry.RequestedOn), DashboardCounter.DuesInFlightCents, entry.AmountCents);
                    break;
                default:
                    contribution = contribution.With(year, DashboardCounter.DuesExpectedCents, entry.AmountCents);
                    break;
            }
        }

        if (member.EndsOn is { } endsOn && member.Status is MembershipStatus.Cancelling or MembershipStatus.Ended)
        {
            contribution = contribution.With(DashboardScope.Year(endsOn.Year), DashboardCounter.Endings, 1);
        }

        return contribution;
    }

    public static string StatusCounter(MembershipStatus status) => status switch
    {
        MembershipStatus.Pending => DashboardCounter.MembersPending,
        MembershipStatus.Processing => DashboardCounter.MembersProcessing,
        MembershipStatus.Active => DashboardCounter.MembersActive,
        MembershipStatus.Overdue => DashboardCounter.MembersOverdue,
        MembershipStatus.Lapsed => DashboardCounter.MembersLapsed,
        MembershipStatus.Cancelling => DashboardCounter.MembersCancelling,
        MembershipStatus.Ended => DashboardCounter.MembersEnded,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown membership status."),
    };
}
