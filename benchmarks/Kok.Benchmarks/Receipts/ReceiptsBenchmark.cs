using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Dashboard;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kok.Benchmarks.Receipts;

/// <summary>
/// The two parts of a Sammelbestätigung run that do not depend on how payments are found: rendering the PDF of a
/// 12-line Sammelbestätigung (per core and on all cores), and the register issuing 12-line Sammelbestätigungen from
/// 8 concurrent workers, all of them drawing numbers from the one counter row, one receipt or a batch of 7 per counter
/// step, without and with the dashboard totals.
/// The register's rate is set against the same workers submitting the same 14-insert transactions to partitions of
/// their own (no counter): the storage floor, so the ratio shows what the single counter costs. Needs a fresh Azurite.
/// </summary>
internal sealed class ReceiptsBenchmark(string storageConnectionString, BenchmarkReport report)
{
    public const int Workers = 8;
    public const int Renders = 300;
    public const int Receipts = 420;
    private const int Lines = 12;

    /// <summary>Sammelbestätigungen of 12 lines that fit one entity-group transaction (1 + 7 × 14 rows ≤ 100).</summary>
    private const int Batch = 7;

    private static readonly OrganisationProfile Issuer = OrganisationProfile.KokDefaults with
    {
        AddressLines = ["Kurfürstenstraße 33", "10785 Berlin"],
        TaxOffice = "Berlin für Körperschaften I",
        TaxNumber = "27/123/45678",
        ExemptionNoticeDate = new DateOnly(2025, 5, 17),
        AssessmentPeriod = "2021 bis 2023",
        Purposes = "der Hilfe für Opfer von Straftaten",
        SignatoryName = "Erika Mustermann",
        SignatoryFunction = "Geschäftsführerin",
        ContactEmail = "spenden@example.org",
    };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Heading("KOK benchmark: receipts (PDF rendering in this process; register on Azurite)");
        report.Machine();
        Render();
        await RegisterAsync(cancellationToken);
    }

    private static AnnualReceiptIssueRequest Request(string run, int donor) => new(
        AnnualReceiptSubject.CalendarYear(new ReceiptDonorKey($"{run}-{donor}"), 2025),
        new ReceiptDonor("Jürgen Weiß-Großmann", ["Königstraße 5", "12345 Groß Köris"]),
        Enumerable.Range(1, Lines).Select(month => new AnnualReceiptPayment(
            ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, $"don_{run}{donor}", $"pay_{month}"), new DateOnly(2025, month, 3), ReceiptKind.Donation, 2500)).ToList(),
        new DateOnly(2026, 1, 10),
        Issuer);

    private void Render()
    {
        var renderer = new PdfReceiptRenderer();
        var document = Request("render", 0).ToDocument("2026-000001");
        for (var i = 0; i < 20; i++)
        {
            renderer.Render(document, Issuer);
        }

        var one = Stopwatch.StartNew();
        var bytes = 0L;
        for (var i = 0; i < Renders; i++)
        {
            bytes += renderer.Render(document, Issuer).Length;
        }

        one.Stop();
        var cores = Environment.ProcessorCount;
        var all = Stopwatch.StartNew();
        Parallel.For(0, Renders, new ParallelOptions { MaxDegreeOfParallelism = cores }, _ => renderer.Render(document, Issuer));
        all.Stop();

        report.Heading($"PDF of a {Lines}-line Sammelbestätigung (2 pages, fonts embedded, encrypted), {Renders} renders");
        report.Line("one thread", $"{Rate(Renders, one.Elapsed)} PDFs/s   ({Ms(one.Elapsed / Renders)} ms each, {bytes / Renders / 1024} KB)");
        report.Line($"{cores} threads", $"{Rate(Renders, all.Elapsed)} PDFs/s");
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var counter = new StorageTransactionCounter();
        var clients = new StorageClients(new StorageSettings(storageConnectionString, null, null, null, null), [counter]);
        var plain = new TableReceiptRegister(clients, TimeProvider.System);
        var counted = new TableReceiptRegister(clients, TimeProvider.System, new TableDashboardTotals(clients, NullLogger<TableDashboardTotals>.Instance));
        await plain.IssueAnnualAsync(Request(run + "w", 0), cancellationToken); // creates the table once

        report.Heading($"Register: {Receipts} Sammelbestätigungen of {Lines} lines, {Workers} concurrent workers, one counter");
        await IssueAsync("1 per call, no totals", plain, run + "a", counter, batch: 1);
        await IssueAsync("1 per call, with dashboard totals", counted, run + "b", counter, batch: 1);
        await IssueAsync($"{Batch} per call, no totals", plain, run + "c", counter, batch: Batch);
        await IssueAsync($"{Batch} per call, with dashboard totals", counted, run + "d", counter, batch: Batch);

        // The floor: the same transaction (receipt, donor and 12 payment rows) without the counter, each in its own partition.
        var table = clients.Table(TableNames.ReceiptRegister);
        var floor = await Concurrently.RunAsync(Receipts, Workers, async i =>
        {
            var partition = $"bench-{run}-{i}";
            var actions = Enumerable.Range(0, Lines + 2)
                .Select(r => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"row-{r}") { ["Number"] = "2026-000001", ["Pad"] = new string('x', r == 0 ? 2000 : 10) }))
                .ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken);
        });
        report.Line("floor: same inserts, no counter", $"{Rate(Receipts, floor)} transactions/s");
    }

    /// <summary>
    /// Issues <see cref="Receipts"/> receipts on <see cref="Workers"/> workers, <paramref name="batch"/> per call (one
    /// counter step each). Without totals every POST is a register transaction, so those beyond one per call lost the
    /// counter race; with totals the totals' own transactions add to them.
    /// </summary>
    private async Task IssueAsync(string label, TableReceiptRegister register, string run, StorageTransactionCounter counter, int batch)
    {
        counter.Reset();
        var calls = Receipts / batch;
        var elapsed = await Concurrently.RunAsync(calls, Workers, async call =>
        {
            var requests = Enumerable.Range(call * batch, batch).Select(donor => Request(run, donor)).ToList();
            var results = await register.IssueAnnualAsync(requests, CancellationToken.None);
            if (results.Any(r => r.Receipt is null))
            {
                throw new InvalidOperationException("A benchmark receipt was refused.");
            }
        });
        var transactions = counter.Transactions;
        report.Line(label, $"{Rate(calls * batch, elapsed)} receipts/s");
        report.Transactions(transactions, calls * batch);
        report.Line("  transactions (POST) per call", BenchmarkReport.Number(transactions.Count(t => t.Method == "POST") / (double)calls, "0.00"));
    }

    private static string Rate(int count, TimeSpan elapsed) => (count / elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
