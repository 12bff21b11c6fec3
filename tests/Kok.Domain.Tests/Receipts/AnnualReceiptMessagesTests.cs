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
    public async Task A_large_run_goes_out_in_waves_each_sent_when_the_last_is_mostly_worked_off()
    {
        var groups = Enumerable.Range(0, 2 * StartAnnualReceiptRun.Wave + 201).Select(i => new ReceiptDonorKey($"d{i:00000}")).ToList();
        var payments = groups.SelectMany(g => new[]
        {
            new ReceiptablePayment(g, "don_" + g.Value, "pay_1", new DateOnly(2026, 1, 3), 1000, null),
            new ReceiptablePayment(g, "don_" + g.Value, "pay_2", new DateOnly(2026, 2, 3), 1000, null),
        }).ToList();
        var index = new Mock<IAnnualReceiptIndex>();
        index.Setup(i => i.ListAsync(2026, It.IsAny<CancellationToken>())).Returns(() => payments.ToAsyncEnumerable());
        index.Setup(i => i.ListAfterAsync(2026, It.IsAny<ReceiptDonorKey>(), It.IsAny<CancellationToken>()))
            .Returns((int _, ReceiptDonorKey after, CancellationToken _) =>
                payments.Where(p => string.CompareOrdinal(p.DonorKey.Value, after.Value) > 0).ToAsyncEnumerable());
        var issued = new HashSet<ReceiptDonorKey> { groups[3], groups[StartAnnualReceiptRun.Wave + 7] };
        var runs = new Mock<IAnnualReceiptRuns>();
        runs.Setup(r => r.IssuedAsync(2026, It.IsAny<CancellationToken>())).ReturnsAsync(issued);
        var waves = new List<IReadOnlyList<AnnualReceiptMessage>>();
        var later = new List<(AnnualReceiptMessage Message, TimeSpan Delay)>();
        var pending = 0;
        var queue = new Mock<IAnnualReceiptQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<IReadOnlyList<AnnualReceiptMessage>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<AnnualReceiptMessage>, CancellationToken>((m, _) => waves.Add(m))
            .Returns(Task.CompletedTask);
        queue.Setup(q => q.EnqueueLaterAsync(It.IsAny<AnnualReceiptMessage>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback<AnnualReceiptMessage, TimeSpan, CancellationToken>((m, d, _) => later.Add((m, d)))
            .Returns(Task.CompletedTask);
        queue.Setup(q => q.PendingAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => pending);
        var start = new StartAnnualReceiptRun(index.Object, runs.Object, queue.Object, new FakeTimeProvider(new DateTimeOffset(2027, 1, 10, 4, 0, 0, TimeSpan.Zero)));

        var started = await start.ExecuteAsync(2026, StartAnnualReceiptRun.Scheduler, CancellationToken.None);
        var first = ContinuationOf(waves[^1]);
        pending = StartAnnualReceiptRun.Wave / 2 + 1;
        await start.ContinueAsync(2026, new ReceiptDonorKey(first.After!), CancellationToken.None);
        pending = StartAnnualReceiptRun.Wave / 2;
        await start.ContinueAsync(2026, new ReceiptDonorKey(first.After!), CancellationToken.None);
        await start.ContinueAsync(2026, new ReceiptDonorKey(ContinuationOf(waves[^1]).After!), CancellationToken.None);

        Assert.Equal(groups.Count - 2, started.Enqueued);
        Assert.Equal(3, waves.Count);
        Assert.Equal([StartAnnualReceiptRun.Wave, StartAnnualReceiptRun.Wave - 1, 200], waves.Select(w => w.Count(m => !m.IsStart)));
        Assert.Equal(groups[StartAnnualReceiptRun.Wave].Value, first.After);
        Assert.Null(waves[2].SingleOrDefault(m => m.IsStart));
        var busy = Assert.Single(later);
        Assert.Equal((first.After, StartAnnualReceiptRun.WhileBusy), (busy.Message.After, busy.Delay));
        var sent = waves.SelectMany(w => w).Where(m => !m.IsStart).Select(m => m.DonorKey).ToList();
        Assert.Equal(groups.Except(issued).Select(g => g.Value), sent);
    }

    private static AnnualReceiptMessage ContinuationOf(IReadOnlyList<AnnualReceiptMessage> wave)
    {
        var continuation = Assert.Single(wave, m => m.IsStart);
        Assert.Same(continuation, wave[^1]);
        return continuation;
    }

    [Fact]
    public async Task Assembling_with_the_groups_donations_known_asks_the_index_nothing()
    {
        var index = new Mock<IAnnualReceiptIndex>(MockBehavior.Strict);
        var donations = new Mock<IDonationRepository>();
        donations.Setup(d => d.GetAsync("don_1", It.IsAny<CancellationToken>())).ReturnsAsync((VersionedDonation?)null);
        var assembly = new AnnualReceiptAssembly(index.Object, donations.Object, null!);

        var assembled = await assembly.AssembleAsync(new AnnualReceiptGroup(2026, Small, ["don_1"]), [], new DateOnly(2027, 1, 10), CancellationToken.None);
        var recipient = await assembly.RecipientAsync(2026, Small, CancellationToken.None, ["don_1"]);

        Assert.Null(assembled);
        Assert.Null(recipient);
        donations.Verify(d => d.GetAsync("don_1", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
