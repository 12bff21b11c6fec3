using System.Diagnostics;
using System.Net.Http.Headers;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Functions.Donations;
using Kok.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Benchmarks.Receipts;

/// <summary>
/// The annual run end to end through DevHost: monthly donors with 12 paid payments each, stored through the real
/// donation repository (so the annual index is kept by its projection, as the webhook would; the dashboard totals
/// left out to seed faster), then the run started
/// as staff do, its annual-receipts messages handled by DevHost's queue host with host.json's settings, each
/// Sammelbestätigung rendered, archived and mailed to the SendGrid stand-in. First 1,000 donors of 2024, then DONORS
/// (default 10,000) of 2025: receipts per second, storage transactions per receipt, and the ratio of the two run
/// times (near DONORS / 1,000 means linear). Needs a fresh Azurite.
/// </summary>
internal sealed class AnnualReceiptsBenchmark(string storageConnectionString, BenchmarkReport report, int donors)
{
    public const int DefaultDonors = 10_000;
    private const int Small = 1_000;
    private const string Token = "annual-bench-token";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Heading($"KOK benchmark: annual receipts, {Small:N0} and {donors:N0} monthly donors with 12 payments each, through DevHost");
        report.Machine();
        var perFunction = new FunctionStorageCounter();
        await using var host = await BenchmarkDevHost.StartAsync(
            storageConnectionString,
            ["AnnualReceipt", "StartAnnualReceipts", "AnnualReceiptsProgress"],
            new Dictionary<string, string?> { ["Staff:DevToken"] = Token, ["DevHost:MaxMails"] = "100" },
            services => services.AddSingleton<Azure.Core.Pipeline.HttpPipelinePolicy>(perFunction));
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        await SeedAsync(host, 2024, Small, cancellationToken);
        var small = await RunYearAsync(host, client, 2024, Small, cancellationToken);
        await SeedAsync(host, 2025, donors, cancellationToken);
        var large = await RunYearAsync(host, client, 2025, donors, cancellationToken);

        report.Heading("Result");
        report.Line($"{Small:N0} donors", $"{small.Elapsed.TotalSeconds:0.0} s, {Small / small.Elapsed.TotalSeconds:0.0} receipts/s, {small.Transactions / (double)Small:0.0} storage transactions per receipt");
        report.Line($"{donors:N0} donors", $"{large.Elapsed.TotalSeconds:0.0} s, {donors / large.Elapsed.TotalSeconds:0.0} receipts/s, {large.Transactions / (double)donors:0.0} storage transactions per receipt");
        report.Line("time ratio", $"{large.Elapsed / small.Elapsed:0.00} for {donors / (double)Small:0.#} times the donors (linear: the same)");
        report.Line("goal", $"at least 25 receipts/s: {(donors / large.Elapsed.TotalSeconds >= 25 ? "reached" : "not reached")}");

        // What one receipt costs, by kind, over both runs (the wave starts are the StartAnnualReceipts function's).
        report.Heading("Storage round trips per receipt (AnnualReceipt), by kind");
        foreach (var (kind, count) in perFunction.Kinds("AnnualReceipt"))
        {
            report.Line("  " + kind, (count / (double)(Small + donors)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Donors whose 12 payments of <paramref name="year"/> are paid, stored through the repository (16 at a time).</summary>
    private async Task SeedAsync(BenchmarkDevHost host, int year, int count, CancellationToken cancellationToken)
    {
        // The real repository with its projections (the annual index among them), but without the dashboard totals,
        // whose shared rows would make seeding the slow part; the run does not read them.
        var repository = new TableDonationRepository(host.Services.GetRequiredService<StorageClients>());
        var ids = new RandomIdGenerator();
        var watch = Stopwatch.StartNew();
        await Concurrently.RunAsync(count, 16, async i =>
        {
            var id = ids.NewId(Donation.IdPrefix);
            var created = new DateTimeOffset(year, 1, 2, 10, 0, 0, TimeSpan.Zero);
            var payments = Enumerable.Range(1, 12).Select(month =>
            {
                var paidAt = new DateTimeOffset(year, month, 3, 9, 0, 0, TimeSpan.Zero);
                return new PaymentSnapshot(ids.NewId(Donation.PaymentIdPrefix), 2500, null, $"in_{year}{i}m{month}", paidAt, paidAt, null, null, 0);
            }).ToList();
            var donation = Donation.FromSnapshot(new DonationSnapshot(
                id,
                new ContactDetails($"Spenderin {year}-{i} Weiß", $"donor{i}.{year}@example.org", new PostalAddress($"Musterweg {i}", "10785", "Berlin", "DE")),
                2500,
                DonationInterval.Monthly,
                PaymentMethodKind.Card,
                i % 5 == 0 ? "en" : "de",
                true,
                created,
                null,
                null,
                $"sub_{year}{i}",
                null,
                created,
                null,
                null,
                payments,
                []));
            if (!await repository.TryAddAsync(donation, cancellationToken))
            {
                throw new InvalidOperationException("Seeding a donation failed.");
            }
        });
        report.Line($"seeded {count:N0} donors of {year}", $"{watch.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<(TimeSpan Elapsed, int Transactions)> RunYearAsync(
        BenchmarkDevHost host, HttpClient client, int year, int count, CancellationToken cancellationToken)
    {
        var runs = host.Services.GetRequiredService<IAnnualReceiptRuns>();
        host.Transactions.Reset();
        var watch = Stopwatch.StartNew();
        using (var start = await client.PostAsync($"api/dashboard/receipts/annual/{year}/run", null, cancellationToken))
        {
            start.EnsureSuccessStatusCode();
        }

        // Done when the run's queue is empty (messages in flight and waves waiting count too), then confirmed once in
        // the register. Why not poll the register's progress (the staff page's query): on Azurite each of its pages
        // scans the whole register table, so polling it twice a second cost more than the run itself as the register
        // grew (10,000 donors: 20.0 receipts/s while polling it, against the figures in the README).
        var queue = new Azure.Storage.Queues.QueueClient(storageConnectionString, IAnnualReceiptQueue.QueueName);
        var done = 0;
        while (done < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            if ((await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount == 0)
            {
                done = (await runs.IssuedAsync(year, cancellationToken)).Count;
            }
        }

        watch.Stop();

        // The progress reads above are the benchmark's own client's, so they are not counted (a register query at the end is).
        var transactions = host.Transactions.Count;
        report.Line($"run {year}", $"{count:N0} receipts in {watch.Elapsed.TotalSeconds:0.0} s");
        return (watch.Elapsed, transactions);
    }
}
