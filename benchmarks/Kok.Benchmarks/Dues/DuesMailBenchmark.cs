using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Kok.DevHost.Clock;
using Kok.DevHost.Functions;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;
using Kok.Functions.Dashboard;
using Kok.Functions.Dues;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;
using Kok.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kok.Benchmarks.Dues;

/// <summary>
/// A day of dues end to end: N members due today (seeded), one dues run, and DevHost charging them through
/// <c>dues-charge</c> against the Stripe stand-in with the mails each charge causes running at the same time: the
/// receipt mail with its Zuwendungsbestätigung (PDF rendered and archived) for a paid charge, the failed-charge mail
/// for a declined one (every tenth member), both through the SendGrid stand-in. Prints charges and mails per second
/// from the run's start, failed function executions per 1,000 charges (goal 0: a mail that overtook its charge's save
/// is put back, not failed), function executions per mail, storage round trips per charge and per mail (attributed by
/// function), and the machine's load, because on a shared machine the numbers move with it.
/// </summary>
internal sealed class DuesMailBenchmark(string storageConnectionString, BenchmarkReport report, int charges)
{
    public const int DefaultCharges = 2_000;
    public const int DeclineEvery = 10;
    private const double Goal = 15;
    private static readonly DateOnly Today = new(2027, 3, 1);
    private const string Refresh = "RefreshProjections";

    /// <summary>How long after its API answer the stand-in sends a charge's webhook: 1 s, or KOK_STRIPE_WEBHOOK_LATENCY_MS.</summary>
    private static readonly int WebhookLatencyMs =
        int.TryParse(Environment.GetEnvironmentVariable("KOK_STRIPE_WEBHOOK_LATENCY_MS"), out var ms) && ms >= 0 ? ms : 1000;

    // RefreshProjections runs too: the dashboard's totals and list rows follow each save off its path (ADR 0006), but
    // on the same instance, so their work competes with the charges and mails measured here.
    private static readonly string[] Functions = ["DuesCharge", "StripeWebhook", "ReceiptMail", "MemberMail", "WelcomeMail", Refresh];
    private static readonly string[] MailQueues =
        [IDuesChargeQueue.QueueName, IReceiptMailQueue.QueueName, IMemberMailQueue.MemberMailQueueName, IMemberMailQueue.WelcomeQueueName];
    private static readonly string[] Queues = [.. MailQueues, DeferredRefresh.QueueName];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Heading($"KOK benchmark: {charges:N0} dues charges with their mails (Azurite, DevHost in this process, Stripe and SendGrid stand-ins)");
        report.Machine();
        report.Line("load at start", Load());
        report.Line("webhook latency", $"{WebhookLatencyMs:N0} ms after the charge's answer (Stripe stand-in)");

        var policy = DuesPolicy.Default;
        var storage = new StorageClients(new StorageSettings(storageConnectionString, null, null, null, null), []);
        var options = new SeedOptions(charges, Today, charges, Seed: 42);
        // With the dashboard totals, as the app keeps them: each member's contribution is remembered, so the run's
        // saves apply only what changes (without, every first save would add a member's whole history to the totals).
        var seeded = await new MemberSeeder(TableMemberRepository.Create(storage, policy, new TableDashboardTotals(storage, NullLogger<TableDashboardTotals>.Instance)), policy)
            .SeedAsync(options, new SeedProgress(Console.Error, charges).Report, cancellationToken);
        report.Line("seeding", $"{seeded.Written:N0} members in {seeded.Elapsed.TotalSeconds:N1} s");

        var clock = new DevClock();
        clock.Set(new DateTimeOffset(Today.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        var perFunction = new FunctionStorageCounter();
        await using var host = await BenchmarkDevHost.StartAsync(
            storageConnectionString,
            Functions,
            new Dictionary<string, string?>
            {
                ["Dues:MaxChargesPerSecond"] = policy.MaxChargesPerSecond.ToString(CultureInfo.InvariantCulture),

                // The usual order in production: a charge's payment_intent event comes after its API answer, so the
                // webhook finds the charge recorded (tests cover the other order).
                ["DevHost:StripeWebhooksAfterAnswer"] = "true",

                // Stripe's deliveries take their moment; with none the webhook settles the charge while DuesCharge is
                // still saving it, and both send the same follow-up messages (KOK_STRIPE_WEBHOOK_LATENCY_MS=0 shows it).
                ["DevHost:StripeWebhookLatencyMs"] = WebhookLatencyMs.ToString(CultureInfo.InvariantCulture),

                // Counted below instead of one line each: failed executions, declined charges.
                ["Logging:LogLevel:Kok.DevHost.Functions.FunctionInvoker"] = "None",
                ["Logging:LogLevel:Kok.Functions.Payments"] = "Error",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<HttpPipelinePolicy>(perFunction);
            });
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Concurrently.RunAsync(charges, 8, async n =>
        {
            var outcome = n % DeclineEvery == DeclineEvery - 1 ? "decline" : "succeed";
            using var response = await http.PostAsJsonAsync(
                $"dev/stripe/members/{MemberSeeder.MemberId(42, n)}/next-charge", new { outcome }, cancellationToken);
            response.EnsureSuccessStatusCode();
        });
        perFunction.Reset();
        host.Transactions.Reset();

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var run = new RunDuesSchedule(
            TableMemberRepository.Create(storage, policy),
            new MemberMailQueueClient(new StorageQueueSender(storage)),
            new DuesChargeQueueClient(new StorageQueueSender(storage)),
            policy,
            clock);
        var scheduled = await run.ExecuteAsync(cancellationToken);
        var scheduling = Stopwatch.GetElapsedTime(started);
        var (chargesDone, mailsDone, allDone) = await WaitForQueuesAsync(storage, started, cancellationToken);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var executions = host.Services.GetRequiredService<FunctionExecutions>();
        var mails = await MailsSentAsync(storage, cancellationToken);
        var receiptMails = mails.GetValueOrDefault("membership_fee_receipt");
        var memberMails = mails.Where(m => m.Key != "membership_fee_receipt").Sum(m => m.Value);
        var outcomes = await DuesBenchmark.OutcomesAsync(storage, Today, charges, cancellationToken);

        report.Heading("Run (dues run start to last charge, to last mail)");
        report.Line("dues run", $"{scheduled.ChargesRequested:N0} charges requested in {scheduling.TotalSeconds:N1} s");
        report.Line("charges", $"{chargesDone.TotalSeconds:N1} s, {BenchmarkReport.Number(charges / chargesDone.TotalSeconds, "0.0")}/s  (limit {policy.MaxChargesPerSecond}/s)");
        report.Line("mails", $"{mails.Values.Sum():N0} sent ({string.Join(", ", mails.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"))}), last after {mailsDone.TotalSeconds:N1} s, {BenchmarkReport.Number(mails.Values.Sum() / mailsDone.TotalSeconds, "0.0")}/s");
        var endToEnd = charges / mailsDone.TotalSeconds;
        report.Line("end to end", $"{BenchmarkReport.Number(endToEnd, "0.0")} charges/s with their mails  (goal >= {Goal}: {(endToEnd >= Goal ? "met" : "NOT met")})");
        report.Line("dashboard", $"caught up with every save after {allDone.TotalSeconds:N1} s (RefreshProjections)");
        report.Line("outcomes", string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")) + $", poison {await PoisonedAsync(storage, cancellationToken)}");
        report.Line("failed executions", $"{executions.TotalFailed:N0}, {BenchmarkReport.Number(executions.TotalFailed * 1000.0 / charges, "0.0")} per 1,000 charges  (goal 0)");
        foreach (var function in Functions)
        {
            report.Line("  " + function, $"{executions.Succeeded(function):N0} succeeded, {executions.Failed(function):N0} failed");
        }

        report.Line("process CPU", $"{cpu.TotalSeconds:N1} s, {BenchmarkReport.Number(cpu.TotalMilliseconds / charges, "0.0")} ms per charge with its mail");
        report.Line("load at end", Load());

        report.Heading("Storage round trips");
        Costs("per charge (DuesCharge + StripeWebhook)", perFunction.Count("DuesCharge") + perFunction.Count("StripeWebhook"), charges);
        Costs("per receipt mail (ReceiptMail)", perFunction.Count("ReceiptMail"), receiptMails);
        Costs("per member mail (MemberMail)", perFunction.Count("MemberMail"), memberMails);
        Costs("per charge off the path (RefreshProjections)", perFunction.Count(Refresh), charges);
        foreach (var function in Functions.Where(f => perFunction.Count(f) > 0))
        {
            report.Line(function, perFunction.Count(function).ToString("N0", CultureInfo.InvariantCulture));
            foreach (var (kind, count) in perFunction.Kinds(function))
            {
                report.Line("  " + kind, count.ToString("N0", CultureInfo.InvariantCulture));
            }
        }
    }

    private void Costs(string label, int transactions, int operations) =>
        report.Line(label, operations == 0 ? "(none)" : BenchmarkReport.Number(transactions / (double)operations, "0.00"));

    /// <summary>
    /// Polls the queues (messages in flight or put back included) until all are empty; when the charges, the charges
    /// with their mails, and everything with the dashboard's refreshes were done.
    /// </summary>
    private static async Task<(TimeSpan Charges, TimeSpan Mails, TimeSpan All)> WaitForQueuesAsync(StorageClients storage, long started, CancellationToken cancellationToken)
    {
        TimeSpan? chargesDone = null;
        TimeSpan? mailsDone = null;
        while (true)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var name in Queues)
            {
                counts[name] = await CountAsync(storage, name, cancellationToken);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (chargesDone is null && counts[IDuesChargeQueue.QueueName] == 0)
            {
                chargesDone = elapsed;
            }

            if (mailsDone is null && chargesDone is not null && MailQueues.All(name => counts[name] == 0))
            {
                mailsDone = elapsed;
            }

            if (mailsDone is not null && counts.Values.All(c => c == 0))
            {
                return (chargesDone!.Value, mailsDone.Value, elapsed);
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static async Task<int> CountAsync(StorageClients storage, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.Queue(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static async Task<int> PoisonedAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var name in Queues)
        {
            total += await CountAsync(storage, name + "-poison", cancellationToken);
        }

        return total;
    }

    /// <summary>Mails the mail log records as sent, by kind (one query over the log).</summary>
    private static async Task<Dictionary<string, int>> MailsSentAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var log = storage.Table(TableNames.MailLog);
        await foreach (var row in log.QueryAsync<TableEntity>("State eq 'sent'", select: ["RowKey"], cancellationToken: cancellationToken))
        {
            counts[row.RowKey] = counts.GetValueOrDefault(row.RowKey) + 1;
        }

        return counts;
    }

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> prints them.</summary>
    private static string Load()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]} (1, 5, 15 min) on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
