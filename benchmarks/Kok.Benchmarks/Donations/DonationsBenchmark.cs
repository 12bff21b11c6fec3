using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage.Saving;
using Microsoft.Extensions.DependencyInjection;
using Kok.Functions.Storage;

namespace Kok.Benchmarks.Donations;

/// <summary>
/// One run on Azurite: the median latency of <c>POST /api/donations</c> through DevHost over the median of one raw
/// <c>TableClient.AddEntity</c>, and Stripe webhook events per second at 16 concurrent senders over raw inserts per
/// second at the same concurrency. Both ratios compare the app with the storage floor it cannot go below on this
/// machine, so they move with the app's code more than with the machine's speed. Azurite's cost per operation grows
/// with the size of a table, so the run needs a fresh Azurite: then the app's tables and the scratch table both grow
/// from empty to about a thousand entities during the run.
/// </summary>
internal sealed class DonationsBenchmark(string storageConnectionString, BenchmarkReport report)
{
    public const int Sequential = 200;
    public const int WebhookEvents = 800;
    public const int Senders = 16;
    private const string Refresh = "RefreshProjections";
    private const int WarmUp = 30;
    private const int WebhookWarmUp = 32;
    private readonly StorageTimer _rawStorageTime = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Heading("KOK benchmark: donations (Azurite, DevHost in this process, loopback only)");
        report.Machine();

        // With the save pipeline's deferred projections running as they do in production (ADR 0006): the dashboard's
        // totals and list rows follow each event off its path, in the same process, against the same storage.
        var perFunction = new FunctionStorageCounter();
        await using var host = await BenchmarkDevHost.StartAsync(
            storageConnectionString,
            ["CreateDonation", "StripeWebhook", Refresh],
            extraServices: services => services.AddSingleton<HttpPipelinePolicy>(perFunction));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders * 2 })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var secret = host.Configuration["Stripe:WebhookSecret"]
            ?? throw new InvalidOperationException("DevHost has no Stripe:WebhookSecret.");
        var client = new DonationClient(http, secret);

        // The raw baseline uses the app's retry settings (StorageClients) and a scratch table of its own.
        var rawOptions = new TableClientOptions { Retry = { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(30) } };
        rawOptions.AddPolicy(_rawStorageTime, Azure.Core.HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(storageConnectionString, rawOptions);
        var scratch = tables.GetTableClient("BenchScratch" + Guid.NewGuid().ToString("N")[..12]);
        await scratch.CreateAsync(cancellationToken);
        try
        {
            await RunAsync(host, perFunction, client, tables, scratch, cancellationToken);
        }
        finally
        {
            await scratch.DeleteAsync(CancellationToken.None);
        }
    }

    private async Task RunAsync(
        BenchmarkDevHost host,
        FunctionStorageCounter perFunction,
        DonationClient client,
        TableServiceClient tables,
        TableClient scratch,
        CancellationToken cancellationToken)
    {
        // Warm-up: JIT, connection pools, and the app's first-use table and queue creation stay out of the numbers.
        var (firstId, _) = await client.CreateAsync(cancellationToken);
        for (var i = 1; i < WarmUp; i++)
        {
            await client.CreateAsync(cancellationToken);
        }

        // The raw entity is a copy of a donation the app stored, so both sides move the same bytes.
        var template = (await tables.GetTableClient(TableNames.Donations).GetEntityAsync<TableEntity>(firstId, firstId, cancellationToken: cancellationToken)).Value;
        var rawSequence = 0;
        TableEntity NextRaw() => Copy(template, "raw-" + Interlocked.Increment(ref rawSequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < WarmUp; i++)
        {
            await scratch.AddEntityAsync(NextRaw(), cancellationToken);
        }

        // 1. Latency, one request at a time.
        Settle();
        host.Transactions.Reset();
        host.StorageTime.Reset();
        var postCpuBefore = Environment.CpuUsage.TotalTime;
        var posts = new List<TimeSpan>(Sequential);
        for (var i = 0; i < Sequential; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.CreateAsync(cancellationToken);
            posts.Add(Stopwatch.GetElapsedTime(start));
        }

        var postCpu = Environment.CpuUsage.TotalTime - postCpuBefore;
        var postTransactions = host.Transactions.Transactions;
        var postStorageTime = host.StorageTime.Timings;
        Settle();
        _rawStorageTime.Reset();
        var inserts = new List<TimeSpan>(Sequential);
        for (var i = 0; i < Sequential; i++)
        {
            var entity = NextRaw();
            var start = Stopwatch.GetTimestamp();
            await scratch.AddEntityAsync(entity, cancellationToken);
            inserts.Add(Stopwatch.GetElapsedTime(start));
        }

        report.Heading($"1. Latency, {Sequential} sequential requests each");
        report.Latency("POST /api/donations", posts);
        report.Line("  what", "card, once, receipt + address, Idempotency-Key; includes the stand-in Stripe call");
        report.Transactions(postTransactions, Sequential);
        report.StorageTime(postStorageTime, Sequential);
        report.Line("  cpu in this process per op", BenchmarkReport.Number(postCpu.TotalMilliseconds / Sequential, "0.00") + " ms (DevHost + client)");
        report.Latency("raw TableClient.AddEntity", inserts);
        report.Line("  entity", $"copy of a stored donation, {template.Keys.Count(k => !IsSystemProperty(k))} properties, {PayloadBytes(template)} bytes of values");
        report.StorageTime(_rawStorageTime.Timings, Sequential);
        var latencyRatio = Samples.Median(posts) / Samples.Median(inserts);

        // 2. Throughput. Donations paid at the stand-in with their events held back, so only delivery is timed.
        var prepared = WebhookEvents + WebhookWarmUp;
        var eventIds = new string[prepared];
        var donationIds = new string[prepared];
        await Concurrently.RunAsync(prepared, Senders, async i =>
        {
            var (donationId, sessionId) = await client.CreateAsync(cancellationToken);
            donationIds[i] = donationId;
            eventIds[i] = await client.CompleteWithoutDeliveryAsync(sessionId, cancellationToken);
        });
        var payloads = await client.CompletedCheckoutPayloadsAsync(cancellationToken);
        var events = eventIds.Select(id => payloads[id]).ToArray();

        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Concurrently.RunAsync(WebhookWarmUp, Senders, i => SendAsync(client, events[WebhookEvents + i], null, cancellationToken));
        var projections = new QueueClient(storageConnectionString, DeferredRefresh.QueueName);
        await WaitUntilEmptyAsync(projections, cancellationToken);
        Settle();
        host.Transactions.Reset();
        host.StorageTime.Reset();
        perFunction.Reset();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var webhookTime = await Concurrently.RunAsync(WebhookEvents, Senders, i => SendAsync(client, events[i], statuses, cancellationToken));
        var webhookCpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var webhookTransactions = host.Transactions.Transactions;
        var webhookStorageTime = host.StorageTime.Timings;
        var (webhookOwn, webhookConflicts) = (perFunction.Count("StripeWebhook"), perFunction.Conflicts("StripeWebhook"));
        await WaitUntilEmptyAsync(projections, cancellationToken);
        var caughtUp = Stopwatch.GetElapsedTime(started);
        var (refreshOwn, refreshConflicts) = (perFunction.Count(Refresh), perFunction.Conflicts(Refresh));
        var refreshKinds = perFunction.Kinds(Refresh);
        var drift = await host.Services.GetRequiredService<RecomputeDashboardTotals>().ExecuteAsync("benchmark", "Benchmark", cancellationToken);

        Settle();
        var insertCpuBefore = Environment.CpuUsage.TotalTime;
        var insertedKeys = new string[WebhookEvents];
        var insertTime = await Concurrently.RunAsync(WebhookEvents, Senders, i =>
        {
            var entity = NextRaw();
            insertedKeys[i] = entity.PartitionKey;
            return scratch.AddEntityAsync(entity, cancellationToken);
        });
        var insertCpu = Environment.CpuUsage.TotalTime - insertCpuBefore;
        var (floorPath, floorMessage) = await new WebhookStorageFloor(storageConnectionString, tables)
            .RunAsync(scratch, insertedKeys, events[..WebhookEvents], Senders, cancellationToken);

        var paid = await CountPaidAsync(tables.GetTableClient(TableNames.Donations), donationIds.Take(WebhookEvents), cancellationToken);
        var eventsPerSecond = WebhookEvents / webhookTime.TotalSeconds;
        var insertsPerSecond = WebhookEvents / insertTime.TotalSeconds;

        report.Heading($"2. Throughput, {WebhookEvents} operations on {Senders} concurrent senders");
        report.Line("POST /api/stripe/webhook", $"{BenchmarkReport.Number(eventsPerSecond, "0.0")} events/s   ({BenchmarkReport.Number(webhookTime.TotalSeconds, "0.000")} s)");
        report.Line("  what", "signed checkout.session.completed (card, paid) for distinct donations");
        report.Line("  answers", string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} x{s.Value}")));
        report.Line("  donations now paid", $"{paid} of {WebhookEvents}");
        report.Line("  round trips on the webhook's path", $"{BenchmarkReport.Number((double)webhookOwn / WebhookEvents, "0.00")} per event, {webhookConflicts} lost conditional writes (409/412, retried)");
        report.Transactions(webhookTransactions, WebhookEvents);
        report.StorageTime(webhookStorageTime, WebhookEvents);
        report.Line("dashboard caught up (queue empty)", $"{BenchmarkReport.Number(caughtUp.TotalSeconds, "0.000")} s after the first event   ({BenchmarkReport.Number(WebhookEvents / caughtUp.TotalSeconds, "0.0")} events/s with totals and list)");
        report.Line("  round trips off the path", $"{BenchmarkReport.Number((double)refreshOwn / WebhookEvents, "0.00")} per event in {Refresh}, {refreshConflicts} lost conditional writes (409/412, retried)");
        report.Line("  by kind", string.Join(", ", refreshKinds.Select(k => $"{k.Kind} {BenchmarkReport.Number((double)k.Count / WebhookEvents, "0.00")}")));
        report.Line("  totals vs recomputation", drift.Drift.Count == 0 ? "exact (recompute found no difference)" : $"{drift.Drift.Count} differences: " + string.Join("; ", drift.Drift.Take(5)));
        report.Line("  cpu in this process per op", BenchmarkReport.Number(webhookCpu.TotalMilliseconds / WebhookEvents, "0.00") + " ms (DevHost + senders)");
        report.Line("raw TableClient.AddEntity", $"{BenchmarkReport.Number(insertsPerSecond, "0.0")} inserts/s   ({BenchmarkReport.Number(insertTime.TotalSeconds, "0.000")} s)");
        report.Line("  cpu in this process per op", BenchmarkReport.Number(insertCpu.TotalMilliseconds / WebhookEvents, "0.00") + " ms");

        var floorPathPerSecond = WebhookEvents / floorPath.TotalSeconds;
        var floorMessagePerSecond = WebhookEvents / floorMessage.TotalSeconds;
        report.Heading($"3. Storage floor of the webhook, no app code, {WebhookEvents} operations on {Senders} concurrent senders");
        report.Line("the path's 5 round trips, raw", $"{BenchmarkReport.Number(floorPathPerSecond, "0.0")} paths/s   ({BenchmarkReport.Number(floorPath.TotalSeconds, "0.000")} s)");
        report.Line("  what", "read, 2 queue messages, insert, replace on ETag (as on the webhook's path)");
        report.Line("one queue message of the event", $"{BenchmarkReport.Number(floorMessagePerSecond, "0.0")} messages/s   ({BenchmarkReport.Number(floorMessage.TotalSeconds, "0.000")} s)");
        report.Line("  what", $"the signed event ({events[0].Length} characters), as a webhook that answers first and works later would keep it");

        report.Heading("Ratios");
        report.Line("POST latency / AddEntity latency", BenchmarkReport.Number(latencyRatio, "0.00") + "   (medians; lower is better)");
        report.Line("webhook events/s / inserts/s", BenchmarkReport.Number(eventsPerSecond / insertsPerSecond, "0.000") + "   (higher is better)");
        report.Line("  its floor: raw path / inserts", BenchmarkReport.Number(floorPathPerSecond / insertsPerSecond, "0.000") + "   (no app code could do better with these round trips)");
        report.Line("  one queue message / inserts", BenchmarkReport.Number(floorMessagePerSecond / insertsPerSecond, "0.000") + "   (the ceiling of any webhook that keeps the event before answering)");
        report.Line("webhook / its raw path", BenchmarkReport.Number(eventsPerSecond / floorPathPerSecond, "0.000") + "   (the share of the floor the app reaches)");
    }

    private static async Task WaitUntilEmptyAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        while ((await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static async Task SendAsync(
        DonationClient client, string payload, ConcurrentDictionary<string, int>? statuses, CancellationToken cancellationToken)
    {
        var (status, outcome) = await client.SendWebhookAsync(payload, TimeProvider.System.GetUtcNow(), cancellationToken);
        if (statuses is null && status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Warm-up webhook answered {(int)status}.");
        }

        statuses?.AddOrUpdate($"{(int)status} {outcome}".TrimEnd(), 1, (_, n) => n + 1);
    }

    /// <summary>
    /// Finalizes what earlier phases left behind before a timed phase starts. Shared-key signing (Azurite's account
    /// key) creates an HMACSHA256 per storage request that only the finalizer releases, which showed up as most of
    /// this process's CPU in a trace; without this, a timed phase would pay for the set-up before it.
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static TableEntity Copy(TableEntity template, string partitionKey)
    {
        var copy = new TableEntity(partitionKey, partitionKey);
        foreach (var (key, value) in template)
        {
            if (!IsSystemProperty(key))
            {
                copy[key] = value;
            }
        }

        return copy;
    }

    private static bool IsSystemProperty(string key) => key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";

    private static int PayloadBytes(TableEntity entity) => entity
        .Where(p => !IsSystemProperty(p.Key))
        .Sum(p => p.Value is string s ? Encoding.UTF8.GetByteCount(s) : 8);

    private static async Task<int> CountPaidAsync(TableClient donations, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var paid = 0;
        await foreach (var entity in donations.QueryAsync<TableEntity>("Status eq 'paid'", select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (wanted.Contains(entity.PartitionKey))
            {
                paid++;
            }
        }

        return paid;
    }
}
