using Kok.Domain.Donations;
using Kok.Domain.Receipts;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Receipts;

/// <summary>
/// The run's messages name each group's donations, so building a Sammelbestätigung asks the index nothing more: on
/// storage that answers range queries by scanning every row (Azurite), a query per group made the run quadratic.
/// </summary>
public class AnnualReceiptMessagesTests
{
    private static readonly ReceiptDonorKey Small = new("da");
    private static readonly ReceiptDonorKey Large = new("db");

    [Fact]
    public async Task Each_groups_message_lists_its_donations_unless_there_are_too_many()
    {
        var payments = new List<ReceiptablePayment>
        {
            new(Small, "don_1", "pay_1", new DateOnly(2026, 1, 3), 1000, null),
            new(Small, "don_2", "pay_2", new DateOnly(2026, 2, 3), 1000, null),
        };
        payments.AddRange(Enumerable.Range(0, AnnualReceiptMessage.MaxListedDonations + 1)
            .Select(i => new ReceiptablePayment(Large, $"don_l{i:000}", $"pay_l{i:000}", new DateOnly(2026, 3, 1), 100, null)));
        var index = new Mock<IAnnualReceiptIndex>();
        index.Setup(i => i.ListAsync(2026, It.IsAny<CancellationToken>())).Returns(payments.ToAsyncEnumerable());
        var runs = new Mock<IAnnualReceiptRuns>();
        runs.Setup(r => r.IssuedAsync(2026, It.IsAny<CancellationToken>())).ReturnsAsync(new HashSet<ReceiptDonorKey>());
        IReadOnlyList<AnnualReceiptMessage> sent = [];
        var queue = new Mock<IAnnualReceiptQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<IReadOnlyList<AnnualReceiptMessage>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<AnnualReceiptMessage>, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);
        var start = new StartAnnualReceiptRun(index.Object, runs.Object, queue.Object, new FakeTimeProvider(new DateTimeOffset(2027, 1, 10, 4, 0, 0, TimeSpan.Zero)));

        await start.ExecuteAsync(2026, StartAnnualReceiptRun.Scheduler, CancellationToken.None);

        Assert.Equal(2, sent.Count);
        Assert.Equal(["don_1", "don_2"], sent.Single(m => m.DonorKey == Small.Value).DonationIds);
        Assert.Null(sent.Single(m => m.DonorKey == Large.Value).DonationIds);
    }

    [Fact]
    public async Task Assembling_with_the_groups_donations_known_asks_the_index_nothing()
    {
        var index = new Mock<IAnnualReceiptIndex>(MockBehavior.Strict);
        var donations = new Mock<IDonationRepository>();
        donations.Setup(d => d.GetAsync("don_1", It.IsAny<CancellationToken>())).ReturnsAsync((VersionedDonation?)null);
        var assembly = new AnnualReceiptAssembly(index.Object, donations.Object, null!);

        var assembled = await assembly.AssembleAsync(2026, Small, [], new DateOnly(2027, 1, 10), CancellationToken.None, ["don_1"]);
        var recipient = await assembly.RecipientAsync(2026, Small, CancellationToken.None, ["don_1"]);

        Assert.Null(assembled);
        Assert.Null(recipient);
        donations.Verify(d => d.GetAsync("don_1", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
