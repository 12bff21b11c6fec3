using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Tests.Payments;

public class PaymentLedgerTests
{
    private const string OwnerId = "don_aaaaaaaaaaaaaaaaaaaa";
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Get_or_add_returns_the_same_payment_for_the_same_slot()
    {
        var ledger = new PaymentLedger(OwnerId);

        var (first, firstAdded) = ledger.GetOrAdd(ledger.PaymentIdFor("checkout"), invoiceId: null, T0);
        var (second, secondAdded) = ledger.GetOrAdd(ledger.PaymentIdFor("checkout"), invoiceId: null, T0.AddHours(1));

        Assert.True(firstAdded);
        Assert.False(secondAdded);
        Assert.Same(first, second);
        Assert.Equal(T0, second.CreatedAt);
        Assert.Single(ledger.Payments);
    }

    [Fact]
    public void Payment_ids_derive_from_owner_and_slot()
    {
        var ledger = new PaymentLedger(OwnerId);

        Assert.Equal(ledger.PaymentIdFor("checkout"), new PaymentLedger(OwnerId).PaymentIdFor("checkout"));
        Assert.NotEqual(ledger.PaymentIdFor("checkout"), ledger.PaymentIdFor("invoice/in_1"));
        Assert.NotEqual(ledger.PaymentIdFor("checkout"), new PaymentLedger("don_bbbbbbbbbbbbbbbbbbbb").PaymentIdFor("checkout"));
        Assert.StartsWith(PaymentLedger.PaymentIdPrefix + "_", ledger.PaymentIdFor("checkout"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_processed_event_is_recognised()
    {
        var ledger = new PaymentLedger(OwnerId);

        ledger.MarkProcessed("evt_2");
        ledger.MarkProcessed("evt_1");
        ledger.MarkProcessed("evt_2");

        Assert.True(ledger.HasProcessed("evt_1"));
        Assert.False(ledger.HasProcessed("evt_3"));
        Assert.Equal(["evt_1", "evt_2"], ledger.ProcessedEventIdSnapshot());
    }

    [Fact]
    public void A_refund_of_an_unknown_intent_is_not_yet_applicable()
    {
        var ledger = new PaymentLedger(OwnerId);
        ledger.Record(ledger.PaymentIdFor("checkout"), null, new PaymentReport(2500, "pi_1", PaymentStatus.Paid, T0));

        Assert.Equal(ApplyOutcome.NotYetApplicable, ledger.ApplyRefund(Refund("pi_other", 2500, fully: true)));
        Assert.Equal(ApplyOutcome.NoChange, ledger.ApplyRefund(Refund(null, 2500, fully: true)));
        Assert.Equal(PaymentStatus.Paid, Assert.Single(ledger.Payments).Status);
    }

    [Fact]
    public void A_refund_lands_on_the_payment_of_its_intent_once()
    {
        var ledger = new PaymentLedger(OwnerId);
        ledger.Record(ledger.PaymentIdFor("checkout"), null, new PaymentReport(2500, "pi_1", PaymentStatus.Paid, T0));

        Assert.Equal(ApplyOutcome.Changed, ledger.ApplyRefund(Refund("pi_1", 1000, fully: false)));
        Assert.Equal(ApplyOutcome.NoChange, ledger.ApplyRefund(Refund("pi_1", 1000, fully: false)));

        var payment = ledger.FindByIntent("pi_1");
        Assert.NotNull(payment);
        Assert.Equal(1000, payment.RefundedCents);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
    }

    [Fact]
    public void Record_keeps_the_earliest_paid_time_and_reports_no_change_when_nothing_new()
    {
        var ledger = new PaymentLedger(OwnerId);
        var id = ledger.PaymentIdFor("checkout");

        var (_, processing) = ledger.Record(id, null, new PaymentReport(2500, "pi_1", PaymentStatus.Processing, T0));
        var (_, paidLate) = ledger.Record(id, null, new PaymentReport(2500, "pi_1", PaymentStatus.Paid, T0.AddDays(2)));
        var (_, paidEarly) = ledger.Record(id, null, new PaymentReport(2500, "pi_1", PaymentStatus.Paid, T0.AddDays(1)));
        var (payment, again) = ledger.Record(id, null, new PaymentReport(2500, "pi_1", PaymentStatus.Paid, T0.AddDays(3)));

        Assert.True(processing);
        Assert.True(paidLate);
        Assert.True(paidEarly);
        Assert.False(again);
        Assert.Equal(T0.AddDays(1), payment.PaidAt);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_1")], ledger.IntentReferences);
    }

    [Fact]
    public void Record_does_not_take_a_refund()
    {
        var ledger = new PaymentLedger(OwnerId);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => ledger.Record(ledger.PaymentIdFor("checkout"), null, new PaymentReport(2500, "pi_1", PaymentStatus.Refunded, T0)));
    }

    [Fact]
    public void Snapshots_restore_the_same_ledger()
    {
        var ledger = new PaymentLedger(OwnerId);
        ledger.Record(ledger.PaymentIdFor("invoice/in_2"), "in_2", new PaymentReport(1000, "pi_2", PaymentStatus.Paid, T0.AddMonths(1)));
        ledger.Record(ledger.PaymentIdFor("invoice/in_1"), "in_1", new PaymentReport(1000, "pi_1", PaymentStatus.Failed, T0));
        ledger.MarkProcessed("evt_1");

        var restored = new PaymentLedger(OwnerId);
        restored.Restore(ledger.PaymentSnapshots(), ledger.ProcessedEventIdSnapshot());

        Assert.Equal(ledger.PaymentSnapshots(), restored.PaymentSnapshots());
        Assert.Equal(["in_1", "in_2"], restored.Payments.Select(p => p.InvoiceId));
        Assert.True(restored.HasProcessed("evt_1"));
        Assert.Throws<InvalidOperationException>(() => restored.Restore([], []));
    }

    private static ChargeRefunded Refund(string? paymentIntentId, long amountCents, bool fully) =>
        new("evt_refund", T0.AddDays(5), new Dictionary<string, string>(), "ch_1", paymentIntentId, amountCents, fully);
}
