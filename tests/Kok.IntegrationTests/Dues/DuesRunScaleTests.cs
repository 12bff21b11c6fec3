using System.Text.Json;
using Kok.Domain.Dues;
using Kok.Functions.Dues;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.Seed;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Dues;

/// <summary>
/// The daily dues run on Azurite costs storage transactions in proportion to the members due, not to all members:
/// the same K due among 300 and among 3,020 members cost exactly the same.
/// <para>
/// The run reads every agenda entry up to its day, so the test works in 1999, a year no other test's members reach,
/// and removes its members from the agenda afterwards so later runs in other tests never meet them. Its charge
/// requests go to a queue of its own, which no DevHost of another test consumes.
/// </para>
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DuesRunScaleTests
{
    private const int Due = 20;

    // Per member charged: point read, dues-charge message, conditional replace, agenda delete (a charge in flight has
    // no agenda day, so there is no agenda upsert). Per run: one agenda page (Due is far below 1,000 rows) and, on a
    // fresh client as the Functions host has after start, creating the DuesAgenda and Members tables and the queue.
    private const int PerMember = 4;
    private const int PerRun = 4;

    private static readonly string ChargeQueue = "dues-charge-scale-" + Guid.NewGuid().ToString("N")[..12];

    private static readonly DateOnly FirstDay = new(1999, 3, 1);
    private static readonly DateOnly SecondDay = new(1999, 4, 1);

    [Fact]
    public async Task A_run_costs_the_same_transactions_whether_300_or_3020_members_are_stored()
    {
        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]);
        var seeder = new MemberSeeder(TableMemberRepository.Create(storage, policy), policy);
        var seed = Random.Shared.Next(1, int.MaxValue / 2);
        var small = new SeedOptions(300, FirstDay, Due, seed) { QuietThrough = SecondDay };
        var large = new SeedOptions(2_700 + Due, SecondDay, Due, seed + 1);
        var seeded = new List<SeedOptions>();
        try
        {
            seeded.Add(small);
            var first = await seeder.SeedAsync(small, null, default);
            Assert.Equal(300, first.Written);
            var firstRun = await RunAsync(FirstDay, policy);

            seeded.Add(large);
            var second = await seeder.SeedAsync(large, null, default);
            Assert.Equal(2_720, second.Written);
            var secondRun = await RunAsync(SecondDay, policy);

            Assert.Equal(new DuesRunReport(Due, 0, Due, 0, 0, 0, 0), firstRun.Report);
            Assert.Equal(new DuesRunReport(Due, 0, Due, 0, 0, 0, 0), secondRun.Report);
            Assert.Equal(PerMember * Due + PerRun, firstRun.Transactions.Count);
            Assert.Equal(firstRun.Transactions.Count, secondRun.Transactions.Count);
            Assert.Equal(Kinds(firstRun.Transactions), Kinds(secondRun.Transactions));

            var requests = await DrainChargeRequestsAsync(2 * Due);
            Assert.Equal(first.DueTodayIds.Order(StringComparer.Ordinal), Ids(requests, FirstDay));
            Assert.Equal(second.DueTodayIds.Order(StringComparer.Ordinal), Ids(requests, SecondDay));
        }
        finally
        {
            await RemoveFromAgendaAsync(seeder, storage, policy, seeded);
            await TestQueues.Client(TestStorage.ConnectionString, ChargeQueue).DeleteIfExistsAsync();
        }
    }

    private static async Task<(DuesRunReport Report, IReadOnlyList<StorageTransaction> Transactions)> RunAsync(DateOnly day, DuesPolicy policy)
    {
        // A fresh client per run, as a Functions host has after start: both runs pay the same first-use cost.
        var counter = new StorageTransactionCounter();
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), [counter, DeferredRefreshes.Recorder]);
        var sender = new StorageQueueSender(storage);
        var clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        var run = new RunDuesSchedule(
            TableMemberRepository.Create(storage, policy), new MemberMailQueueClient(sender), new DuesChargeQueueClient(sender, ChargeQueue), policy, clock);
        var report = await run.ExecuteAsync(default);
        return (report, counter.Transactions);
    }

    /// <summary>"GET Members" → 20 and so on: the kinds of requests without their keys.</summary>
    private static Dictionary<string, int> Kinds(IReadOnlyList<StorageTransaction> transactions) =>
        transactions.GroupBy(t =>
            {
                var path = t.Path.Split('(')[0];
                return t.Method + " " + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1));
            })
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Every charge request on this test's own queue (taking them off it), up to <paramref name="expected"/>. The run
    /// releases them at <see cref="DuesPolicy.MaxChargesPerSecond"/>, so the last become visible about a second later.
    /// </summary>
    private static async Task<IReadOnlyList<DuesChargeMessage>> DrainChargeRequestsAsync(int expected)
    {
        var queue = TestQueues.Client(TestStorage.ConnectionString, ChargeQueue);
        var found = new List<DuesChargeMessage>();
        await Eventually.WaitUntilAsync(
            async () =>
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value)
                {
                    found.Add(JsonSerializer.Deserialize<DuesChargeMessage>(message.Body.ToString(), KokJson.Options)!);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }

                return found.Count >= expected;
            },
            $"{expected} charge requests on the queue");
        return found;
    }

    private static List<string> Ids(IEnumerable<DuesChargeMessage> requests, DateOnly periodStart) =>
        requests.Where(r => r.PeriodStart == periodStart).Select(r => r.MemberId).Order(StringComparer.Ordinal).ToList();

    /// <summary>Takes every member this test seeded off the dues agenda (their members stay, never looked at again).</summary>
    private static async Task RemoveFromAgendaAsync(MemberSeeder seeder, StorageClients storage, DuesPolicy policy, IReadOnlyList<SeedOptions> seeded)
    {
        var repository = TableMemberRepository.Create(storage, policy);
        foreach (var options in seeded)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Members), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, ct) =>
            {
                var member = seeder.Build(options, n);
                if (DuesRules.AgendaDate(member.DuesState, policy) is { } day)
                {
                    await repository.RemoveDuesAgendaAsync(new DuesAgendaEntry(member.Id, day), ct);
                }
            });
        }
    }
}
