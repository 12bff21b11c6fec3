using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Payments;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

/// <summary>
/// Every order of a scenario's events must end in the same state, with at most one "paid" per payment. Events that
/// are not yet applicable are redelivered later, as the provider does; every event is also delivered twice.
/// The donation is saved and reloaded (snapshot round trip) between events, as in production.
/// </summary>
public class DonationConvergenceTests
{
    public static TheoryData<string> Scenarios => new(ScenarioList.Keys);

    private static readonly Dictionary<string, Scenario> ScenarioList = new()
    {
        ["one-time card"] = new(
            () => NewDonation(),
            [Completed("evt_c", paid: true)],
            DonationStatus.Paid,
            [PaymentStatus.Paid],
            PaidEvents: 1),
        ["one-time card refunded"] = new(
            () => NewDonation(),
            [Completed("evt_c", paid: true), Refunded("evt_r")],
            DonationStatus.Refunded,
            [PaymentStatus.Refunded],
            PaidEvents: 1),
        ["one-time card refunded in two parts"] = new(
            () => NewDonation(),
            [Completed("evt_c", paid: true), Refunded("evt_r1", amount: 1000, fully: false), Refunded("evt_r2", amount: 2550, day: 4)],
            DonationStatus.Refunded,
            [PaymentStatus.Refunded],
            PaidEvents: 1),
        ["one-time SEPA success"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Succeeded("evt_s")],
            DonationStatus.Paid,
            [PaymentStatus.Paid],
            PaidEvents: 1),
        ["one-time SEPA failure"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Failed("evt_f")],
            DonationStatus.Failed,
            [PaymentStatus.Failed],
            PaidEvents: 0),
        ["one-time SEPA success refunded"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Succeeded("evt_s"), Refunded("evt_r")],
            DonationStatus.Refunded,
            [PaymentStatus.Refunded],
            PaidEvents: null),
        ["one-time SEPA reported both settled and failed"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Succeeded("evt_s", minute: 60), Failed("evt_f", minute: 90)],
            DonationStatus.Paid,
            [PaymentStatus.Paid],
            PaidEvents: 1),
        ["one-time card, same fact under two event ids at different times"] = new(
            () => NewDonation(),
            [Completed("evt_c1", paid: true, minute: 1), Completed("evt_c2", paid: true, minute: 7), Refunded("evt_r1", day: 3), Refunded("evt_r2", day: 5)],
            DonationStatus.Refunded,
            [PaymentStatus.Refunded],
            PaidEvents: 1),
        ["monthly card, three invoices, ended"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), Invoice("evt_i1", 1), Invoice("evt_i2", 2), Ended("evt_e")],
            DonationStatus.Cancelled,
            [PaymentStatus.Paid, PaymentStatus.Paid, PaymentStatus.Paid],
            PaidEvents: 3),
        ["monthly card, one invoice refunded"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), Invoice("evt_i1", 1), Refunded("evt_r", "pi_inv_1", 1000, day: 40)],
            DonationStatus.Paid,
            [PaymentStatus.Paid, PaymentStatus.Refunded],
            PaidEvents: 2),
        ["monthly card, refunded and ended"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), Refunded("evt_r", "pi_inv_0", 1000), Ended("evt_e")],
            DonationStatus.Cancelled,
            [PaymentStatus.Refunded],
            PaidEvents: 1),
        ["monthly SEPA"] = new(
            () => NewDonation(DonationInterval.Monthly, PaymentMethodKind.SepaDebit, 1000),
            [CompletedSubscription("evt_c", paid: false), Succeeded("evt_s", paymentIntentId: null, amount: 1000), Invoice("evt_i0", 0), Invoice("evt_i1", 1)],
            DonationStatus.Paid,
            [PaymentStatus.Paid, PaymentStatus.Paid],
            PaidEvents: 2),
        ["one-time SEPA disputed before its own success event"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Succeeded("evt_s"), Dispute("evt_d", DisputeStatus.Open)],
            DonationStatus.Disputed,
            [PaymentStatus.Disputed],
            PaidEvents: null),
        ["one-time SEPA dispute lost"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Succeeded("evt_s"), Dispute("evt_d", DisputeStatus.Open),
                Dispute("evt_dw", DisputeStatus.Open, 21, kind: "funds_withdrawn"), Dispute("evt_dc", DisputeStatus.Lost, 40, kind: "closed")],
            DonationStatus.Returned,
            [PaymentStatus.Returned],
            PaidEvents: null),
        ["one-time card dispute closed won before the funds-withdrawn event"] = new(
            () => NewDonation(),
            [Completed("evt_c", paid: true), Dispute("evt_d", DisputeStatus.Open), Dispute("evt_dc", DisputeStatus.Won, 40, kind: "closed"),
                Dispute("evt_dw", DisputeStatus.Open, 21, kind: "funds_withdrawn"), Dispute("evt_dr", DisputeStatus.Won, 40, kind: "funds_reinstated")],
            DonationStatus.Paid,
            [PaymentStatus.Paid],
            PaidEvents: 1),
        ["one-time SEPA returned after success, the return delivered three times"] = new(
            () => NewDonation(method: PaymentMethodKind.SepaDebit),
            [Completed("evt_c", paid: false), Succeeded("evt_s"), ChargeFailedAt("evt_cf1", 60 * 24 * 5), ChargeFailedAt("evt_cf2", 60 * 24 * 5), ChargeFailedAt("evt_cf3", 60 * 24 * 5)],
            DonationStatus.Returned,
            [PaymentStatus.Returned],
            PaidEvents: null),
        ["one-time card declined once, then paid at checkout"] = new(
            () => NewDonation(),
            [ChargeFailedAt("evt_cf", 0, code: "card_declined"), Completed("evt_c", paid: true)],
            DonationStatus.Paid,
            [PaymentStatus.Paid],
            PaidEvents: 1),
        ["monthly card, one payment failed twice then paid on retry"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), InvoiceFailed("evt_f1a", 1, 1), InvoiceFailed("evt_f1b", 1, 2), Invoice("evt_i1", 1)],
            DonationStatus.Paid,
            [PaymentStatus.Paid, PaymentStatus.Paid],
            PaidEvents: 2),
        ["monthly card failing twice, then given up"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), InvoiceFailed("evt_f1", 1), InvoiceFailed("evt_f2", 2, code: "insufficient_funds"),
                SubscriptionNow("evt_u", SubscriptionState.Canceled, 3, SubscriptionEndReason.PaymentFailed), EndedBecause("evt_e", SubscriptionEndReason.PaymentFailed, 3)],
            DonationStatus.Cancelled,
            [PaymentStatus.Paid, PaymentStatus.Failed, PaymentStatus.Failed],
            PaidEvents: 1),
        ["monthly SEPA first payment failed, also told as a failed first invoice"] = new(
            () => NewDonation(DonationInterval.Monthly, PaymentMethodKind.SepaDebit, 1000),
            [CompletedSubscription("evt_c", paid: false), Failed("evt_f", paymentIntentId: null), InvoiceFailed("evt_if", 0) with { FirstOfSubscription = true }],
            DonationStatus.Failed,
            [],
            PaidEvents: 0),
        ["monthly SEPA first payment failed, ended"] = new(
            () => NewDonation(DonationInterval.Monthly, PaymentMethodKind.SepaDebit, 1000),
            [CompletedSubscription("evt_c", paid: false), Failed("evt_f", paymentIntentId: null), Ended("evt_e", 1)],
            DonationStatus.Cancelled,
            [],
            PaidEvents: 0),
        ["monthly card, basil shapes: second payment disputed and lost, found through its invoice's payment"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [InvoiceWithoutIntent("evt_i0", 0), InvoicePayment("evt_p0", 0), InvoiceWithoutIntent("evt_i1", 1), InvoicePayment("evt_p1", 1),
                Dispute("evt_d", DisputeStatus.Open, 45, "pi_inv_1", 1000), Dispute("evt_dc", DisputeStatus.Lost, 60, "pi_inv_1", 1000, kind: "closed")],
            DonationStatus.Paid,
            [PaymentStatus.Paid, PaymentStatus.Returned],
            PaidEvents: 2),
        ["monthly SEPA, basil shapes: third payment returned after success"] = new(
            () => NewDonation(DonationInterval.Monthly, PaymentMethodKind.SepaDebit, 1000),
            [InvoiceWithoutIntent("evt_i0", 0), InvoicePayment("evt_p0", 0), InvoiceWithoutIntent("evt_i2", 2), InvoicePayment("evt_p2", 2),
                ChargeFailedAt("evt_cf", 60 * 24 * 70, "pi_inv_2")],
            DonationStatus.Paid,
            [PaymentStatus.Paid, PaymentStatus.Returned],
            PaidEvents: 2),
        ["monthly card, basil shapes: the invoice's payment alone, then a refund of it"] = new(
            () => NewDonation(DonationInterval.Monthly, amountCents: 1000),
            [InvoiceWithoutIntent("evt_i0", 0), InvoicePayment("evt_p1", 1), InvoiceWithoutIntent("evt_i1", 1), Refunded("evt_r", "pi_inv_1", 1000, day: 40)],
            DonationStatus.Paid,
            [PaymentStatus.Paid, PaymentStatus.Refunded],
            PaidEvents: 2),
    };

    [Fact]
    public void A_monthly_payment_is_findable_by_its_invoice_and_once_known_by_its_payment_intent()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);

        var invoice = donation.Apply(InvoiceWithoutIntent("evt_i1", 1));
        var payment = donation.Apply(InvoicePayment("evt_p1", 1));

        Assert.Contains(new PaymentReference(PaymentReferenceKind.Invoice, "in_1"), invoice.NewReferences);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_inv_1")], payment.NewReferences);
        Assert.Equal("pi_inv_1", Assert.Single(donation.Payments).PaymentIntentId);
    }

    [Fact]
    public void An_invoice_payment_is_looked_up_by_its_invoice_and_waits_for_it_when_not_yet_indexed()
    {
        var paymentEvent = InvoicePayment("evt_p1", 1);

        Assert.Equal(
            [new PaymentReference(PaymentReferenceKind.Invoice, "in_1"), new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_inv_1")],
            PaymentEventOwners.References(paymentEvent));
        Assert.Equal(PaymentEventDisposition.RetryLater, PaymentEventOwners.WhenNotFound(paymentEvent));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_order_converges(string name)
    {
        var scenario = ScenarioList[name];
        string? expected = null;
        var orders = 0;

        foreach (var order in EventOrders.Permutations(scenario.Events))
        {
            var (donation, raised) = Deliver(scenario.Create(), order);

            var state = DonationTransitionTests.Canonical(donation);
            expected ??= state;
            Assert.Equal(expected, state);
            Assert.Equal(scenario.Status, donation.Status);
            Assert.Equal(scenario.PaymentStatuses, donation.Payments.Select(p => p.Status));

            var paid = raised.OfType<PaymentBecamePaid>().GroupBy(p => p.PaymentId).ToList();
            Assert.All(paid, g => Assert.Single(g));
            if (scenario.PaidEvents is { } count)
            {
                Assert.Equal(count, paid.Count);
            }

            Assert.Equal(scenario.Events.OfType<SubscriptionEnded>().Any() ? 1 : 0, raised.OfType<RecurringDonationEnded>().Count());
            Assert.All(raised.OfType<PaymentTakenBack>().GroupBy(p => p.PaymentId), g => Assert.Single(g));
            Assert.All(raised.OfType<MonthlyPaymentFailed>().GroupBy(p => p.PaymentId), g => Assert.Single(g));
            // Every payment the bank touched has its receipt withdrawn once, whatever the order; every monthly payment
            // still failed at the end was mailed about (a failure later paid on retry may have been, too).
            var takenBack = donation.Payments.Count(p => p.Status == PaymentStatus.Returned || p.Dispute is not null);
            Assert.Equal(takenBack, raised.OfType<PaymentTakenBack>().Count());
            if (donation.Interval == DonationInterval.Monthly)
            {
                Assert.True(donation.Payments.Count(p => p.Status == PaymentStatus.Failed) <= raised.OfType<MonthlyPaymentFailed>().Count());
            }

            orders++;
        }

        Assert.Equal(Factorial(scenario.Events.Count), orders);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Redelivering_everything_changes_nothing(string name)
    {
        var scenario = ScenarioList[name];
        var (donation, _) = Deliver(scenario.Create(), scenario.Events);
        var state = DonationTransitionTests.Canonical(donation);

        foreach (var paymentEvent in scenario.Events.Reverse())
        {
            var result = donation.Apply(paymentEvent);
            Assert.Contains(result.Outcome, new[] { ApplyOutcome.Duplicate, ApplyOutcome.NoChange });
            Assert.Empty(result.Events);
        }

        Assert.Equal(state, DonationTransitionTests.Canonical(donation));
    }

    private static (Donation Donation, List<DonationEvent> Raised) Deliver(Donation donation, IReadOnlyList<PaymentEvent> order) =>
        EventOrders.Deliver<Donation, DonationEvent>(donation, order, (d, e) =>
        {
            var reloaded = Donation.FromSnapshot(d.ToSnapshot());
            var result = reloaded.Apply(e);
            return (reloaded, result.Outcome, result.Events);
        });

    private static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    /// <param name="PaidEvents">How many payments are announced as paid; null where it depends on the order
    /// (a refund overtaking a settlement means the money is never announced as received).</param>
    private sealed record Scenario(
        Func<Donation> Create,
        IReadOnlyList<PaymentEvent> Events,
        DonationStatus Status,
        IReadOnlyList<PaymentStatus> PaymentStatuses,
        int? PaidEvents);
}
