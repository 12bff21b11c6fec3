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
/// and removes its members from the agenda afterwards so later runs in other tests never meet them. Serial, because
/// it counts what lands on the shared <c>dues-charge</c> queue.
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

    private static readonly DateOnly FirstDay = new(1999, 3, 1);
    private static readonly DateOnly SecondDay = new(1999, 4, 1);

    [Fact]
    public async Task A_run_costs_the_same_transactions_whether_300_or_3020_members_are_stored()
    {
        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);
        var seeder = new MemberSeeder(new TableMemberRepository(storage, policy), policy);
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

            Assert.Equal(first.DueTodayIds.Order(StringComparer.Ordinal), await TakeChargeRequestsAsync(first.DueTodayIds, FirstDay));
            Assert.Equal(second.DueTodayIds.Order(StringComparer.Ordinal), await TakeChargeRequestsAsync(second.DueTodayIds, SecondDay));
        }
        finally
        {
            await RemoveFromAgendaAsync(seeder, storage, policy, seeded);
        }
    }

    private static async Task<(DuesRunReport Report, IReadOnlyList<StorageTransaction> Transactions)> RunAsync(DateOnly day, DuesPolicy policy)
    {
        // A fresh client per run, as a Functions host has after start: both runs pay the same first-use cost.
        var counter = new StorageTransactionCounter();
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), [counter]);
        var sender = new StorageQueueSender(storage);
        var clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        var run = new RunDuesSchedule(
            new TableMemberRepository(storage, policy), new MemberMailQueueClient(sender), new DuesChargeQueueClient(sender), policy, clock);
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
    /// The member ids of this test's charge requests for <paramref name="periodStart"/> on <c>dues-charge</c>, sorted;
    /// takes them off the queue so no later test's charge function meets them. Messages of others stay.
    /// </summary>
    private static async Task<IReadOnlyList<string>> TakeChargeRequestsAsync(IReadOnlyList<string> ours, DateOnly periodStart)
    {
        var queue = TestQueues.Client(TestStorage.ConnectionString, IDuesChargeQueue.QueueName);
        var wanted = ours.ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();

        // Bounded: a receive may come back empty or with others' messages while ours are still hidden by an
        // earlier receive; one that finds too many would show in the comparison.
        for (var attempt = 0; attempt < 200 && found.Count < wanted.Count; attempt++)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value;

            foreach (var message in batch)
            {
                var request = JsonSerializer.Deserialize<DuesChargeMessage>(message.Body.ToString(), KokJson.Options);
                if (request is not null && wanted.Contains(request.MemberId))
                {
                    Assert.Equal(periodStart, request.PeriodStart);
                    found.Add(request.MemberId);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Takes every member this test seeded off the dues agenda (their members stay, never looked at again).</summary>
    private static async Task RemoveFromAgendaAsync(MemberSeeder seeder, StorageClients storage, DuesPolicy policy, IReadOnlyList<SeedOptions> seeded)
    {
        var repository = new TableMemberRepository(storage, policy);
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
