using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Donations;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Privacy.Erasure;

public sealed class EraseSupporterTests
{
    private readonly Mock<ISupporterDirectory> directory = new();
    private readonly Mock<ISubscriptionGateway> subscriptions = new();
    private readonly Mock<IPaymentCustomers> customers = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly List<string> calls = [];

    [Fact]
    public async Task A_dry_run_asks_every_store_and_stops_or_writes_nothing()
    {
        var result = await Use(Running()).ExecuteAsync(new ErasureForm("erika@example.de", "r", false, null), [], "s1", "Sam", CancellationToken.None);

        Assert.False(result.Confirmed);
        Assert.Equal(["plan:side", "plan:aggregate"], calls);
        subscriptions.VerifyNoOtherCalls();
        customers.VerifyNoOtherCalls();
        audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Confirmed_it_stops_the_monthly_donation_deletes_the_customer_erases_side_tables_first_and_audits_counts()
    {
        var result = await Use(Running()).ExecuteAsync(new ErasureForm("erika@example.de", "r", true, "now"), [], "s1", "Sam", CancellationToken.None);

        Assert.True(result.Confirmed);
        Assert.Equal(1, result.Donations);
        Assert.Equal(["erase:side", "erase:aggregate"], calls);
        subscriptions.Verify(s => s.ChangeAsync(It.Is<SubscriptionChange>(c => c.CancelAtPeriodEnd && c.SubscriptionId == DonationFixtures.SubscriptionId), It.IsAny<CancellationToken>()), Times.Once);
        customers.Verify(c => c.DeleteAsync(DonationFixtures.CustomerId, It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Action == EraseSupporter.AuditAction && !e.Details!.Contains("erika", StringComparison.OrdinalIgnoreCase)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Bad_input_changes_nothing()
    {
        var result = await Use(Running()).ExecuteAsync(new ErasureForm("erika", "r", true, null), [], "s1", "Sam", CancellationToken.None);

        Assert.NotNull(result.Errors);
        Assert.Empty(calls);
        directory.VerifyNoOtherCalls();
    }

    private static Donation Running()
    {
        var donation = DonationFixtures.NewDonation(DonationInterval.Monthly);
        donation.Apply(DonationFixtures.CompletedSubscription("evt_1", paid: true));
        return donation;
    }

    private EraseSupporter Use(Donation donation)
    {
        directory.Setup(d => d.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new SupporterRecords([donation], []));
        return new EraseSupporter(
            directory.Object,
            [Eraser("aggregate", 100), Eraser("side", 10)],
            subscriptions.Object,
            customers.Object,
            new StaffActionRecorder(audit.Object, new RandomIdGenerator(), new FakeTimeProvider(DonationFixtures.T0)),
            new FakeTimeProvider(DonationFixtures.T0.AddDays(3)));
    }

    private ISupporterEraser Eraser(string name, int order)
    {
        var eraser = new Mock<ISupporterEraser>();
        eraser.SetupGet(e => e.Order).Returns(order);
        eraser.Setup(e => e.PlanAsync(It.IsAny<ErasureSubject>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("plan:" + name)).ReturnsAsync(new StoreErasure(name, ErasureAction.Delete, 1));
        eraser.Setup(e => e.EraseAsync(It.IsAny<ErasureSubject>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("erase:" + name)).ReturnsAsync(new StoreErasure(name, ErasureAction.Delete, 1));
        return eraser.Object;
    }
}
