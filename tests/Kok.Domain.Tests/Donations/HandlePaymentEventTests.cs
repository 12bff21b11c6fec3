using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

public class HandlePaymentEventTests
{
    private readonly Mock<IDonationRepository> repository = new(MockBehavior.Strict);
    private readonly Mock<IReceiptMailQueue> queue = new(MockBehavior.Strict);
    private readonly List<ReceiptMailRequest> enqueued = [];
    private readonly List<IReadOnlyCollection<PaymentReference>> savedReferences = [];
    private Donation current = NewDonation();
    private int version = 1;

    public HandlePaymentEventTests()
    {
        queue.Setup(q => q.EnqueueAsync(It.IsAny<ReceiptMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<ReceiptMailRequest, CancellationToken>((r, _) => enqueued.Add(r))
            .Returns(Task.CompletedTask);
        repository.Setup(r => r.GetAsync(DonationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new VersionedDonation(Donation.FromSnapshot(current.ToSnapshot()), $"v{version}"));
        repository.Setup(r => r.TrySaveAsync(It.IsAny<Donation>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Donation d, string expected, IReadOnlyCollection<PaymentReference> refs, CancellationToken _) =>
            {
                if (expected != $"v{version}")
                {
                    return false;
                }

                current = d;
                version++;
                savedReferences.Add(refs);
                return true;
            });
    }

    private HandlePaymentEvent UseCase => new(repository.Object, queue.Object);

    private void VerifyNoSave() =>
        repository.Verify(r => r.TrySaveAsync(It.IsAny<Donation>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()), Times.Never);

    [Fact]
    public async Task Paid_checkout_is_saved_and_asks_for_one_receipt_mail()
    {
        var result = await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Processed, result.Disposition);
        Assert.NotEqual(PaymentEventDisposition.RetryLater, result.Disposition);
        Assert.Equal(DonationId, result.OwnerId);
        var paymentId = Assert.Single(current.Payments).Id;
        Assert.Equal([new ReceiptMailRequest(ReceiptSubjectKind.Donation, DonationId, paymentId)], enqueued);
        Assert.Equal(DonationStatus.Paid, current.Status);
        Assert.Equal([new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_1")], Assert.Single(savedReferences));
    }

    [Fact]
    public async Task Duplicate_event_neither_saves_nor_enqueues()
    {
        await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);
        enqueued.Clear();
        repository.Invocations.Clear();

        var result = await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Duplicate, result.Disposition);
        Assert.NotEqual(PaymentEventDisposition.RetryLater, result.Disposition);
        Assert.Empty(enqueued);
        VerifyNoSave();
    }

    [Fact]
    public async Task Event_telling_nothing_new_neither_saves_nor_enqueues()
    {
        current = NewDonation(method: PaymentMethodKind.SepaDebit);
        await UseCase.ExecuteAsync(Completed("evt_1", paid: false), CancellationToken.None);
        repository.Invocations.Clear();

        var result = await UseCase.ExecuteAsync(Completed("evt_1b", paid: false), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Unchanged, result.Disposition);
        Assert.Empty(enqueued);
        VerifyNoSave();
    }

    [Fact]
    public async Task Sepa_asks_for_the_receipt_mail_when_the_money_arrives()
    {
        current = NewDonation(method: PaymentMethodKind.SepaDebit);

        await UseCase.ExecuteAsync(Completed("evt_1", paid: false), CancellationToken.None);
        Assert.Empty(enqueued);

        await UseCase.ExecuteAsync(Succeeded("evt_2"), CancellationToken.None);
        Assert.Single(enqueued);
        Assert.Equal(DonationStatus.Paid, current.Status);
    }

    [Fact]
    public async Task Each_monthly_payment_gets_exactly_one_receipt_mail()
    {
        current = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        PaymentEvent[] events =
        [
            CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), Invoice("evt_i1", 1), Invoice("evt_i0", 0),
            Invoice("evt_i2", 2), Invoice("evt_i1", 1), Ended("evt_e"),
        ];

        foreach (var paymentEvent in events)
        {
            await UseCase.ExecuteAsync(paymentEvent, CancellationToken.None);
        }

        Assert.Equal(3, enqueued.Count);
        Assert.Equal(current.Payments.Select(p => p.Id).Order(), enqueued.Select(e => e.PaymentId).Order());
        Assert.Equal(DonationStatus.Cancelled, current.Status);
    }

    [Fact]
    public async Task Full_refund_asks_for_the_withdrawal_of_the_receipt()
    {
        await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);
        enqueued.Clear();
        repository.Setup(r => r.FindIdAsync(new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DonationId);

        var result = await UseCase.ExecuteAsync(Refunded("evt_2"), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Processed, result.Disposition);
        Assert.IsType<PaymentRefunded>(Assert.Single(result.Events));
        var paymentId = Assert.Single(current.Payments).Id;
        Assert.Equal([new ReceiptMailRequest(ReceiptSubjectKind.Donation, DonationId, paymentId, ReceiptMailPurpose.Refunded)], enqueued);
        Assert.Equal(DonationStatus.Refunded, current.Status);
    }

    [Fact]
    public async Task Partial_refund_enqueues_nothing()
    {
        await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);
        enqueued.Clear();
        repository.Setup(r => r.FindIdAsync(new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DonationId);

        var result = await UseCase.ExecuteAsync(Refunded("evt_2", amount: 1000, fully: false), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Processed, result.Disposition);
        Assert.Empty(enqueued);
        Assert.Equal(DonationStatus.Paid, current.Status);
    }

    [Fact]
    public async Task Version_conflict_reloads_and_retries_with_a_single_receipt_mail()
    {
        var conflicts = 2;
        repository.Setup(r => r.TrySaveAsync(It.IsAny<Donation>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Donation d, string _, IReadOnlyCollection<PaymentReference> _, CancellationToken _) =>
            {
                if (conflicts-- > 0)
                {
                    return false;
                }

                current = d;
                return true;
            });

        var result = await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Processed, result.Disposition);
        Assert.Single(enqueued);
        repository.Verify(r => r.GetAsync(DonationId, It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.Equal(DonationStatus.Paid, current.Status);
    }

    [Fact]
    public async Task Concurrent_duplicate_that_wins_the_race_leaves_nothing_to_do()
    {
        var handledElsewhere = NewDonation();
        handledElsewhere.Apply(Completed("evt_1", paid: true));
        repository.Setup(r => r.TrySaveAsync(It.IsAny<Donation>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                current = handledElsewhere;
                version++;
                return false;
            });

        var result = await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Duplicate, result.Disposition);
        Assert.Single(enqueued);
    }

    [Fact]
    public async Task Endless_conflicts_give_up_and_ask_for_redelivery()
    {
        repository.Setup(r => r.TrySaveAsync(It.IsAny<Donation>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(false);

        var result = await UseCase.ExecuteAsync(Completed("evt_1", paid: true), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.RetryLater, result.Disposition);
        Assert.Equal(PaymentEventDisposition.RetryLater, result.Disposition);
        Assert.Single(enqueued);
        repository.Verify(
            r => r.TrySaveAsync(It.IsAny<Donation>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()),
            Times.Exactly(HandlePaymentEvent.MaxSaveAttempts));
    }

    [Fact]
    public async Task Client_reference_id_finds_the_donation_without_metadata()
    {
        var result = await UseCase.ExecuteAsync(
            Completed("evt_1", paid: true, metadata: new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Processed, result.Disposition);
    }

    [Fact]
    public async Task Subscription_index_finds_an_invoice_without_metadata()
    {
        current = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        repository.Setup(r => r.FindIdAsync(new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_inv_0"), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);
        repository.Setup(r => r.FindIdAsync(new PaymentReference(PaymentReferenceKind.Subscription, SubscriptionId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DonationId);

        var result = await UseCase.ExecuteAsync(Invoice("evt_1", 0) with { Metadata = new Dictionary<string, string>() }, CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.Processed, result.Disposition);
        Assert.Single(enqueued);
    }

    [Fact]
    public async Task Refund_overtaking_its_payment_asks_for_redelivery()
    {
        repository.Setup(r => r.FindIdAsync(It.IsAny<PaymentReference>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);

        var result = await UseCase.ExecuteAsync(Refunded("evt_r"), CancellationToken.None);

        Assert.False(result.Found);
        Assert.Equal(PaymentEventDisposition.RetryLater, result.Disposition);
    }

    [Fact]
    public async Task Refund_of_a_payment_the_found_donation_does_not_know_yet_asks_for_redelivery()
    {
        var refund = Refunded("evt_r") with { Metadata = new Dictionary<string, string> { ["donationId"] = DonationId } };

        var result = await UseCase.ExecuteAsync(refund, CancellationToken.None);

        Assert.Equal(PaymentEventDisposition.RetryLater, result.Disposition);
        Assert.Equal(PaymentEventDisposition.RetryLater, result.Disposition);
        VerifyNoSave();
    }

    [Fact]
    public async Task Event_naming_an_unknown_donation_is_acknowledged()
    {
        const string Unknown = "don_zzzzzzzzzzzzzzzzzzzz";
        repository.Setup(r => r.GetAsync(Unknown, It.IsAny<CancellationToken>())).ReturnsAsync((VersionedDonation?)null);
        var metadata = new Dictionary<string, string> { ["donationId"] = Unknown };
        var paymentEvent = Completed("evt_1", paid: true, metadata: metadata) with { ClientReferenceId = null };

        var result = await UseCase.ExecuteAsync(paymentEvent, CancellationToken.None);

        Assert.False(result.Found);
        Assert.NotEqual(PaymentEventDisposition.RetryLater, result.Disposition);
        Assert.Empty(enqueued);
    }

    [Fact]
    public async Task Malformed_ids_from_outside_never_reach_storage()
    {
        var metadata = new Dictionary<string, string> { ["donationId"] = "../../etc" };
        var paymentEvent = Completed("evt_1", paid: true, paymentIntentId: null, metadata: metadata) with { ClientReferenceId = "x' or '1'='1" };

        var result = await UseCase.ExecuteAsync(paymentEvent, CancellationToken.None);

        Assert.False(result.Found);
        repository.Verify(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
