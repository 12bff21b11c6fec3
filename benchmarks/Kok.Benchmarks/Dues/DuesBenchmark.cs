using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Functions.Dues;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.Seed;

namespace Kok.Benchmarks.Dues;

/// <summary>
/// The daily dues run at two member totals with the same 500 members due: seed the small total, time one run, empty
/// the member tables, seed the large total (same seed, so the same 500 are due), time again. The run reads only the
/// agenda of today, so the goal is a ratio of at most 1.2 and the same storage transactions. Then the 500 charge
/// requests the second run queued go through the DuesCharge function against DevHost's Stripe stand-in, and the
/// charges per second are compared with <c>Dues:MaxChargesPerSecond</c>.
/// </summary>
internal sealed class DuesBenchmark(string storageConnectionString, BenchmarkReport report, int smallTotal, int largeTotal)
{
    public const int DueToday = 500;
    public static readonly int ChargesPerSecond = DuesPolicy.Default.MaxChargesPerSecond;
    private const double Goal = 1.2;
    private static readonly DateOnly Today = new(2027, 3, 1);

    /// <summary>
    /// The timed runs release charge requests at the highest rate the policy allows, so all 500 fall within
    /// <see cref="RunDuesSchedule.ReleaseLead"/> and the run never waits for its release schedule: the time is the run's
    /// own work, which is what the two member totals compare. (At 20 a second the run would wait for the schedule after
    /// 200 requests, and on this benchmark's clock, which stands still, each wait would last the whole lead.) The charge
    /// phase still charges at <see cref="ChargesPerSecond"/>: the DuesCharge function limits itself to that rate.
    /// </summary>
    private static readonly DuesPolicy RunPolicy = DuesPolicy.Default with { MaxChargesPerSecond = 100 };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Heading("KOK benchmark: dues run (Azurite, real adapters, loopback only)");
        report.Machine();
        report.Line("due today", DueToday.ToString("N0", CultureInfo.InvariantCulture) + " on " + Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var small = await PhaseAsync(smallTotal, cancellationToken);
        var large = await PhaseAsync(largeTotal, cancellationToken);

        report.Heading("Scheduler run, large over small total");
        var ratio = large.Elapsed.TotalMilliseconds / small.Elapsed.TotalMilliseconds;
        report.Line("time ratio", BenchmarkReport.Number(ratio, "0.00") + $"  (goal <= {Goal.ToString("0.0", CultureInfo.InvariantCulture)}: {(ratio <= Goal ? "met" : "NOT met")})");
        report.Line("transactions", $"{small.Transactions.Count:N0} vs {large.Transactions.Count:N0}" +
            (small.Transactions.Count == large.Transactions.Count ? "  (equal)" : "  (differ)"));
        var emulator = large.Baseline.TotalMilliseconds / small.Baseline.TotalMilliseconds;
        report.Line("same requests without the app", BenchmarkReport.Number(emulator, "0.00") + "  (how much slower the emulator itself got)");
        var own = ratio / emulator;
        report.Line("time ratio / emulator ratio", BenchmarkReport.Number(own, "0.00") + $"  (goal <= {Goal.ToString("0.0", CultureInfo.InvariantCulture)}: {(own <= Goal ? "met" : "NOT met")})");

        await ChargeAsync(cancellationToken);
    }

    private async Task<(TimeSpan Elapsed, IReadOnlyList<StorageTransaction> Transactions, TimeSpan Baseline)> PhaseAsync(int total, CancellationToken cancellationToken)
    {
        report.Heading($"{total:N0} members, {DueToday:N0} due today");
        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(storageConnectionString, null, null, null, null), []);
        await ClearAsync(storage, cancellationToken);

        var options = new SeedOptions(total, Today, DueToday, Seed: 42);
        var progress = new SeedProgress(Console.Error, total);
        var seeded = await new MemberSeeder(TableMemberRepository.Create(storage, policy), policy).SeedAsync(options, progress.Report, cancellationToken);
        report.Line("seeding", $"{seeded.Written:N0} members in {seeded.Elapsed.TotalSeconds:N1} s ({seeded.Written / seeded.Elapsed.TotalSeconds:N0}/s)");

        // Azurite is still paying for the bulk load (Node's garbage collection of a large heap) when seeding ends:
        // whatever comes next is slowed. The same requests as the run, once, let it settle before anything is timed.
        var settle = await BaselineAsync(cancellationToken);
        report.Line("settling after seeding", BenchmarkReport.Number(settle.TotalMilliseconds, "0.0") + " ms (the run's requests without the app, untimed)");

        // A fresh client, as a Functions host has after start: first-use table and queue creation is in the count.
        var counter = new StorageTransactionCounter();
        var timer = new StorageTimer();
        var runStorage = new StorageClients(new StorageSettings(storageConnectionString, null, null, null, null), [counter, timer]);
        var sender = new StorageQueueSender(runStorage);
        var clock = new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        var run = new RunDuesSchedule(
            TableMemberRepository.Create(runStorage, policy), new MemberMailQueueClient(sender), new DuesChargeQueueClient(sender), RunPolicy, clock);
        Settle();
        var started = Stopwatch.GetTimestamp();
        var result = await run.ExecuteAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        report.Line("scheduler run", BenchmarkReport.Number(elapsed.TotalMilliseconds, "0.0") + " ms");
        report.Line("charges requested", $"{result.ChargesRequested:N0} of {result.Examined:N0} on the agenda");
        report.Line("storage transactions", counter.Count.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var kind in counter.Transactions.GroupBy(t => BenchmarkReport.Kind(t.Method, t.Path)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.Line("  " + kind.Key, kind.Count().ToString("N0", CultureInfo.InvariantCulture));
        }

        report.StorageTime(timer.Timings, 1);

        var baseline = await BaselineAsync(cancellationToken);
        report.Line("same requests without the app", BenchmarkReport.Number(baseline.TotalMilliseconds, "0.0") + " ms");
        return (elapsed, counter.Transactions, baseline);
    }

    /// <summary>
    /// The run's requests for its 500 members made straight through the SDK, with the run's parallelism: per member a
    /// point read and a replace of its entity, a message on a scratch queue, and the delete of an agenda row (put there
    /// beforehand, in a day no run reads). Azurite keeps everything in one Node.js heap and slows as it grows; this
    /// measures how much, so the run's own growth can be told apart from the emulator's.
    /// </summary>
    private async Task<TimeSpan> BaselineAsync(CancellationToken cancellationToken)
    {
        var storage = new StorageClients(new StorageSettings(storageConnectionString, null, null, null, null), []);
        var members = await storage.TableAsync(TableNames.Members);
        var agenda = await storage.TableAsync(TableNames.DuesAgenda);
        var queue = await storage.QueueAsync("bench-baseline");
        const string Day = "2099-01-01";
        var ids = Enumerable.Range(0, DueToday).Select(n => MemberSeeder.MemberId(42, n)).ToArray();
        foreach (var chunk in ids.Chunk(100))
        {
            await agenda.SubmitTransactionAsync(
                chunk.Select(id => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace, new TableEntity(Day, id))),
                cancellationToken);
        }

        Settle();
        var elapsed = await Concurrently.RunAsync(ids.Length, RunDuesSchedule.Parallelism, async n =>
        {
            var id = ids[n];
            var member = (await members.GetEntityAsync<TableEntity>(id, id, cancellationToken: cancellationToken)).Value;
            await members.UpdateEntityAsync(member, member.ETag, TableUpdateMode.Replace, cancellationToken);
            await queue.SendMessageAsync("{}", cancellationToken);
            await agenda.DeleteEntityAsync(Day, id, ETag.All, cancellationToken);
        });
        await queue.DeleteAsync(cancellationToken);
        return elapsed;
    }

    /// <summary>Members and their indexes gone, charge requests of an earlier phase dropped: one storage account only.</summary>
    private static async Task ClearAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { TableNames.Members, TableNames.MemberIndex, TableNames.DuesAgenda })
        {
            await storage.Table(table).DeleteAsync(cancellationToken);
        }

        try
        {
            await storage.Queue(IDuesChargeQueue.QueueName).ClearMessagesAsync(cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet.
        }
    }

    private async Task ChargeAsync(CancellationToken cancellationToken)
    {
        report.Heading($"Charges through dues-charge (DuesCharge function, DevHost Stripe stand-in, Dues:MaxChargesPerSecond={ChargesPerSecond})");
        var storage = new StorageClients(new StorageSettings(storageConnectionString, null, null, null, null), []);
        var queue = storage.Queue(IDuesChargeQueue.QueueName);
        var poison = storage.Queue(DuesChargeFunction.PoisonQueueName);
        var queued = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        report.Line("messages queued", queued.ToString("N0", CultureInfo.InvariantCulture));

        var started = Stopwatch.GetTimestamp();
        await using (var host = await BenchmarkDevHost.StartAsync(
            storageConnectionString,
            ["DuesCharge"],
            new Dictionary<string, string?> { ["Dues:MaxChargesPerSecond"] = ChargesPerSecond.ToString(CultureInfo.InvariantCulture) }))
        {
            // Bounded by the rate limit: 500 charges at 20/s take 25 s; give up after ten times that.
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * Math.Max(60, 10 * queued / ChargesPerSecond);
            while ((await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    report.Line("result", "gave up: the queue did not drain in time");
                    break;
                }

                await Task.Delay(50, cancellationToken);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var outcomes = await OutcomesAsync(storage, Today, DueToday, cancellationToken);
        var poisoned = (await poison.ExistsAsync(cancellationToken)).Value
            ? (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount
            : 0;
        report.Line("elapsed (host start to empty queue)", BenchmarkReport.Number(elapsed.TotalSeconds, "0.0") + " s");
        report.Line("charges per second", BenchmarkReport.Number(queued / elapsed.TotalSeconds, "0.0") + $"  (limit {ChargesPerSecond}/s)");
        report.Line("outcomes", string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")) + $", poison {poisoned}");
    }

    /// <summary>How the first <paramref name="due"/> seeded members' dues entries stand now (paid, processing, failed, still pending, none).</summary>
    internal static async Task<Dictionary<string, int>> OutcomesAsync(StorageClients storage, DateOnly today, int due, CancellationToken cancellationToken)
    {
        var repository = TableMemberRepository.Create(storage, DuesPolicy.Default);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < due; n++)
        {
            var member = (await repository.GetAsync(MemberSeeder.MemberId(42, n), cancellationToken))?.Member;
            var key = member?.DuesEntryFor(today)?.Status.ToString().ToLowerInvariant() ?? "no entry";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
