using Kok.Domain.Donations;
using Kok.Domain.Payments;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

public class DonationTransitionTests
{
    [Fact]
    public void New_donation_is_pending_with_no_payments()
    {
        var donation = NewDonation();

        Assert.Equal(DonationStatus.Pending, donation.Status);
        Assert.Empty(donation.Payments);
        Assert.Equal(SessionId, donation.CheckoutSessionId);
        Assert.Equal(CheckoutUrl, donation.CheckoutUrl);
    }

    [Fact]
    public void Card_checkout_completed_makes_the_payment_paid()
    {
        var donation = NewDonation();

        var result = donation.Apply(Completed("evt_1", paid: true));

        Assert.Equal(ApplyOutcome.Changed, result.Outcome);
        Assert.Equal(DonationStatus.Paid, donation.Status);
        var payment = Assert.Single(donation.Payments);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal(2550, payment.AmountCents);
        Assert.Equal("pi_1", payment.PaymentIntentId);
        Assert.Equal(T0.AddMinutes(1), payment.PaidAt);
        Assert.Equal([new PaymentBecamePaid(DonationId, payment.Id, 2550)], result.Events);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_1")], result.NewReferences);
        Assert.Equal(CustomerId, donation.CustomerId);
    }

    [Fact]
    public void Sepa_checkout_completed_unpaid_is_processing_without_receipt()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);

        var result = donation.Apply(Completed("evt_1", paid: false));

        Assert.Equal(DonationStatus.Processing, donation.Status);
        Assert.Equal(PaymentStatus.Processing, Assert.Single(donation.Payments).Status);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Sepa_settled_after_completion_becomes_paid_once()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(Completed("evt_1", paid: false));

        var result = donation.Apply(Succeeded("evt_2"));

        Assert.Equal(DonationStatus.Paid, donation.Status);
        Assert.IsType<PaymentBecamePaid>(Assert.Single(result.Events));
        Assert.Empty(result.NewReferences);
    }

    [Fact]
    public void Settlement_before_completion_is_paid_and_completion_does_not_downgrade_it()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);

        var settled = donation.Apply(Succeeded("evt_2"));
        var completed = donation.Apply(Completed("evt_1", paid: false));

        Assert.IsType<PaymentBecamePaid>(Assert.Single(settled.Events));
        Assert.Empty(completed.Events);
        Assert.Equal(DonationStatus.Paid, donation.Status);
        Assert.Equal(PaymentStatus.Paid, Assert.Single(donation.Payments).Status);
    }

    [Fact]
    public void Sepa_failure_fails_the_payment()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(Completed("evt_1", paid: false));

        var result = donation.Apply(Failed("evt_2"));

        Assert.Equal(DonationStatus.Failed, donation.Status);
        Assert.Equal(PaymentStatus.Failed, Assert.Single(donation.Payments).Status);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Refund_is_terminal()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(Completed("evt_1", paid: false));
        var refund = donation.Apply(Refunded("evt_3"));

        var settled = donation.Apply(Succeeded("evt_2"));

        var payment = Assert.Single(donation.Payments);
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Equal(DonationStatus.Refunded, donation.Status);
        Assert.Equal([new PaymentRefunded(DonationId, payment.Id, 2550, Fully: true)], refund.Events);
        Assert.Empty(settled.Events);
        Assert.NotNull(payment.PaidAt);
    }

    [Fact]
    public void Refund_after_payment_raises_refunded()
    {
        var donation = NewDonation();
        donation.Apply(Completed("evt_1", paid: true));

        var result = donation.Apply(Refunded("evt_2"));

        var payment = Assert.Single(donation.Payments);
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Equal(T0.AddDays(3), payment.RefundedAt);
        Assert.Equal([new PaymentRefunded(DonationId, payment.Id, 2550, Fully: true)], result.Events);
    }

    [Fact]
    public void Partial_refund_keeps_the_payment_paid()
    {
        var donation = NewDonation();
        donation.Apply(Completed("evt_1", paid: true));

        var result = donation.Apply(Refunded("evt_2", amount: 500, fully: false));

        var payment = Assert.Single(donation.Payments);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal(500, payment.RefundedCents);
        Assert.Equal([new PaymentRefunded(DonationId, payment.Id, 500, Fully: false)], result.Events);
    }

    [Fact]
    public void Refund_of_an_unknown_payment_is_not_yet_applicable()
    {
        var donation = NewDonation();

        var result = donation.Apply(Refunded("evt_9"));

        Assert.Equal(ApplyOutcome.NotYetApplicable, result.Outcome);
        Assert.Empty(donation.ProcessedEventIds);
        Assert.Equal(DonationStatus.Pending, donation.Status);
    }

    [Fact]
    public void Duplicate_event_has_no_effect()
    {
        var donation = NewDonation();
        donation.Apply(Completed("evt_1", paid: true));
        var before = Canonical(donation);

        var result = donation.Apply(Completed("evt_1", paid: true));

        Assert.Equal(ApplyOutcome.Duplicate, result.Outcome);
        Assert.Empty(result.Events);
        Assert.Equal(before, Canonical(donation));
    }

    [Fact]
    public void Same_facts_under_another_event_id_change_nothing()
    {
        var donation = NewDonation();
        donation.Apply(Completed("evt_1", paid: true));

        var result = donation.Apply(Completed("evt_1_again", paid: true));

        Assert.Equal(ApplyOutcome.NoChange, result.Outcome);
        Assert.DoesNotContain("evt_1_again", donation.ProcessedEventIds);
    }

    [Fact]
    public void Events_of_another_checkout_session_are_ignored()
    {
        var donation = NewDonation();
        var foreign = Completed("evt_1", paid: true) with { SessionId = "cs_other" };

        Assert.Equal(ApplyOutcome.NoChange, donation.Apply(foreign).Outcome);
        Assert.Equal(DonationStatus.Pending, donation.Status);
    }

    [Fact]
    public void One_time_donation_ignores_subscription_events()
    {
        var donation = NewDonation();

        Assert.Equal(ApplyOutcome.NoChange, donation.Apply(Invoice("evt_1", 0)).Outcome);
        Assert.Equal(ApplyOutcome.NoChange, donation.Apply(Ended("evt_2")).Outcome);
        Assert.Equal(DonationStatus.Pending, donation.Status);
    }

    [Fact]
    public void Monthly_checkout_completion_records_the_subscription_and_waits_for_invoices()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);

        var result = donation.Apply(CompletedSubscription("evt_1", paid: true));

        Assert.Equal(DonationStatus.Processing, donation.Status);
        Assert.Empty(donation.Payments);
        Assert.Equal(SubscriptionId, donation.SubscriptionId);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.Subscription, SubscriptionId)], result.NewReferences);
    }

    [Fact]
    public void Each_invoice_is_its_own_payment()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_1", paid: true));

        var first = donation.Apply(Invoice("evt_2", 0));
        var second = donation.Apply(Invoice("evt_3", 1));

        Assert.Equal(DonationStatus.Paid, donation.Status);
        Assert.Equal(2, donation.Payments.Count);
        Assert.Equal(["in_0", "in_1"], donation.Payments.Select(p => p.InvoiceId));
        Assert.All(donation.Payments, p => Assert.Equal(PaymentStatus.Paid, p.Status));
        var firstPaid = Assert.IsType<PaymentBecamePaid>(Assert.Single(first.Events));
        var secondPaid = Assert.IsType<PaymentBecamePaid>(Assert.Single(second.Events));
        Assert.NotEqual(firstPaid.PaymentId, secondPaid.PaymentId);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_inv_1")], second.NewReferences);
    }

    [Fact]
    public void Ended_subscription_cancels_the_donation_but_paid_payments_stay_paid()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_1", paid: true));
        donation.Apply(Invoice("evt_2", 0));

        var result = donation.Apply(Ended("evt_3"));

        Assert.Equal(DonationStatus.Cancelled, donation.Status);
        Assert.Equal(PaymentStatus.Paid, Assert.Single(donation.Payments).Status);
        Assert.Equal([new RecurringDonationEnded(DonationId)], result.Events);
    }

    [Fact]
    public void Invoice_of_another_subscription_is_ignored()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_1", paid: true));

        var result = donation.Apply(Invoice("evt_2", 0) with { SubscriptionId = "sub_other" });

        Assert.Equal(ApplyOutcome.NoChange, result.Outcome);
        Assert.Empty(donation.Payments);
    }

    [Fact]
    public void Monthly_sepa_first_payment_failure_fails_the_donation()
    {
        var donation = NewDonation(DonationInterval.Monthly, PaymentMethodKind.SepaDebit, 1000);
        donation.Apply(CompletedSubscription("evt_1", paid: false));

        donation.Apply(Failed("evt_2", paymentIntentId: null));

        Assert.Equal(DonationStatus.Failed, donation.Status);
    }

    [Fact]
    public void Payment_ids_are_derived_so_reapplying_names_the_same_payment()
    {
        var a = NewDonation();
        var b = NewDonation();

        a.Apply(Completed("evt_1", paid: true));
        b.Apply(Succeeded("evt_2"));

        Assert.Equal(Assert.Single(a.Payments).Id, Assert.Single(b.Payments).Id);
        Assert.Matches("^pay_[a-z2-7]{20}$", a.Payments[0].Id);
    }

    [Fact]
    public void Snapshot_round_trip_keeps_everything()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_1", paid: true));
        donation.Apply(Invoice("evt_2", 0));
        donation.Apply(Refunded("evt_3", "pi_inv_0", 400, fully: false));
        donation.Apply(Ended("evt_4"));

        var copy = Donation.FromSnapshot(donation.ToSnapshot());

        Assert.Equal(Canonical(donation), Canonical(copy));
        Assert.Equal(donation.Status, copy.Status);
        Assert.Equal(donation.ProcessedEventIds, copy.ProcessedEventIds);
        Assert.Equal(ApplyOutcome.Duplicate, copy.Apply(Invoice("evt_2", 0)).Outcome);
    }

    [Fact]
    public void Checkout_session_cannot_be_swapped()
    {
        var donation = NewDonation();

        Assert.Throws<InvalidOperationException>(() =>
            donation.AttachCheckout(new CheckoutSession("cs_other", new Uri("https://checkout.example/other"))));
    }

    internal static string Canonical(Donation donation) =>
        System.Text.Json.JsonSerializer.Serialize(donation.ToSnapshot() with { ProcessedEventIds = [] });
}
