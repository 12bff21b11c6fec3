namespace Kok.Domain.Donations;

/// <summary>
/// What a donation looked like before an event, to name what the event changed as <see cref="DonationEvent"/>s:
/// a payment that became paid (not again after a won dispute: it was thanked for before), one refunded, one taken
/// back by the bank (once per payment), a monthly payment that failed, the end of a monthly donation. One place, so
/// <see cref="Donation.Apply"/> stays about facts.
/// </summary>
internal sealed class DonationChanges
{
    private readonly Dictionary<string, (PaymentStatus Status, long RefundedCents, bool Failed, bool TakenBack)> payments;
    private readonly bool ended;
    private readonly Payments.SubscriptionEndReason endReason;

    private DonationChanges(Donation donation)
    {
        payments = donation.Payments.ToDictionary(p => p.Id, p => (p.Status, p.RefundedCents, p.FailedAt is not null, TakenBack(p)));
        References = donation.References.ToHashSet();
        ended = donation.EndedAt is not null;
        endReason = donation.EndReason;
    }

    public HashSet<PaymentReference> References { get; }

    public static DonationChanges Before(Donation donation) => new(donation);

    public List<DonationEvent> EventsSince(Donation donation)
    {
        var events = new List<DonationEvent>();
        foreach (var payment in donation.Payments)
        {
            var known = payments.TryGetValue(payment.Id, out var before);
            var status = payment.Status;
            if (status == PaymentStatus.Paid && (!known || before.Status is not (PaymentStatus.Paid or PaymentStatus.Disputed)))
            {
                events.Add(new PaymentBecamePaid(donation.Id, payment.Id, payment.AmountCents));
            }

            var refundedNow = status == PaymentStatus.Refunded && (!known || before.Status != PaymentStatus.Refunded);
            if (payment.RefundedCents > (known ? before.RefundedCents : 0) || refundedNow)
            {
                events.Add(new PaymentRefunded(donation.Id, payment.Id, payment.RefundedCents, status == PaymentStatus.Refunded));
            }

            if (TakenBack(payment) && (!known || !before.TakenBack))
            {
                events.Add(new PaymentTakenBack(donation.Id, payment.Id, status));
            }

            if (donation.Interval == DonationInterval.Monthly && payment.FailedAt is not null && (!known || !before.Failed)
                && payment.PaidAt is null)
            {
                events.Add(new MonthlyPaymentFailed(donation.Id, payment.Id));
            }
        }

        // Again when the reason becomes known later (another end event said it), so the last mail is not missed.
        if (donation.EndedAt is not null && (!ended || donation.EndReason != endReason))
        {
            events.Add(new RecurringDonationEnded(donation.Id, donation.EndReason));
        }

        return events;
    }

    /// <summary>
    /// Taken back by the bank: returned, or disputed at all. A dispute counts even when its first event to arrive
    /// already says "won", so the receipt is withdrawn whatever the order (see <see cref="PaymentReceiptState"/>).
    /// </summary>
    private static bool TakenBack(Payment payment) =>
        payment.Status == PaymentStatus.Returned || payment.Dispute is not null;
}
