using Kok.Domain.Donations;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What one donation adds to the dashboard: for each of its payments that was paid, in the (Berlin) year it was paid,
/// 1 payment and its amount less refunds, one-time and monthly apart. A fully refunded payment, and one the payer's
/// bank took back (returned, or disputed until won), counts 0 and 0 cents; a partial refund lowers the sum in the year the payment was paid (the provider gives partial refunds no
/// date of their own), so a refund in January of a December payment still corrects December's year. The net amount
/// also counts in the month scope of the same payment date (money only, no count): money counts in the month it came in.
/// A payment still processing (a SEPA debit the bank has not settled) is money in flight: 1 and its amount under
/// <c>donationsInFlight</c> in the year, its amount in the month, both of the day the provider first reported it.
/// </summary>
public static class DonationContribution
{
    public static DashboardContribution Of(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var (count, cents) = donation.Interval == DonationInterval.Monthly
            ? (DashboardCounter.MonthlyDonations, DashboardCounter.MonthlyDonationCents)
            : (DashboardCounter.OneTimeDonations, DashboardCounter.OneTimeDonationCents);
        var contribution = DashboardContribution.None;
        foreach (var payment in donation.Payments)
        {
            if (payment.Status == PaymentStatus.Processing)
            {
                var amount = payment.AmountCents > 0 ? payment.AmountCents : donation.AmountCents;
                contribution = contribution
                    .With(DashboardScope.YearOf(payment.CreatedAt), DashboardCounter.DonationsInFlight, 1)
                    .With(DashboardScope.YearOf(payment.CreatedAt), DashboardCounter.DonationsInFlightCents, amount)
                    .With(DashboardScope.MonthOf(payment.CreatedAt), DashboardCounter.DonationsInFlightCents, amount);
                continue;
            }

            if (payment.PaidAt is not { } paidAt)
            {
                continue;
            }

            var year = DashboardScope.YearOf(paidAt);
            var net = PaymentNet.Cents(payment, donation.AmountCents);
            contribution = contribution
                .With(year, count, PaymentNet.Kept(payment) ? 1 : 0)
                .With(year, cents, net)
                .With(DashboardScope.MonthOf(paidAt), cents, net);
        }

        return contribution;
    }
}
