using Kok.Benchmarks;
using Kok.Benchmarks.ColdStart;
using Kok.Benchmarks.Donations;
using Kok.Benchmarks.Dues;
using Kok.Benchmarks.Receipts;

// Usage: Kok.Benchmarks <scenario>; storage from the AzureWebJobsStorage connection string (./bench.sh sets it).
const string usage = "usage: Kok.Benchmarks donations | dues [SMALL LARGE] | dues-mail [N] | cold-start [STARTS] | receipts | annual-receipts [DONORS]   (AzureWebJobsStorage must point at an Azurite started for this run)";
var sizes = args switch
{
    ["dues"] => (Small: 10_000, Large: 100_000),
    ["dues-mail"] => (Small: DuesMailBenchmark.DefaultCharges, Large: 0),
    ["dues-mail", var n] when int.TryParse(n, out var count) && count > 0 => (Small: count, Large: 0),
    ["dues", var s, var l] when int.TryParse(s, out var small) && int.TryParse(l, out var large)
        && small >= DuesBenchmark.DueToday && large >= small => (Small: small, Large: large),
    ["donations"] or ["receipts"] => (Small: 0, Large: 0),
    ["cold-start"] => (Small: ColdStartBenchmark.DefaultStarts, Large: 0),
    ["annual-receipts"] => (Small: AnnualReceiptsBenchmark.DefaultDonors, Large: 0),
    ["annual-receipts", var n] when int.TryParse(n, out var donors) && donors >= 1_000 => (Small: donors, Large: 0),
    ["cold-start", var n] when int.TryParse(n, out var starts) && starts >= 1 => (Small: starts, Large: 0),
    _ => (Small: -1, Large: -1),
};
if (sizes.Small < 0)
{
    await Console.Error.WriteLineAsync(usage);
    return 2;
}

var storage = Environment.GetEnvironmentVariable("AzureWebJobsStorage");
if (string.IsNullOrWhiteSpace(storage))
{
    await Console.Error.WriteLineAsync("error: AzureWebJobsStorage is not set. " + usage);
    return 2;
}

// Every phase is bounded by its count; this only stops a run that hangs on a storage or socket problem.
// Seeding 100,000 members on Azurite takes minutes, so the dues benchmark gets longer.
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(args[0] == "donations" ? 15 : 90));
var report = new BenchmarkReport(Console.Out);
if (args[0] == "cold-start")
{
    await new ColdStartBenchmark(storage, report, sizes.Small).RunAsync(deadline.Token);
}
else if (args[0] == "dues")
{
    await new DuesBenchmark(storage, report, sizes.Small, sizes.Large).RunAsync(deadline.Token);
}
else if (args[0] == "dues-mail")
{
    await new DuesMailBenchmark(storage, report, sizes.Small).RunAsync(deadline.Token);
}
else if (args[0] == "annual-receipts")
{
    await new AnnualReceiptsBenchmark(storage, report, sizes.Small).RunAsync(deadline.Token);
}
else if (args[0] == "receipts")
{
    await new ReceiptsBenchmark(storage, report).RunAsync(deadline.Token);
}
else
{
    await new DonationsBenchmark(storage, report).RunAsync(deadline.Token);
}

return 0;
