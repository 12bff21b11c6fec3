using Kok.Benchmarks;
using Kok.Benchmarks.Donations;

// Usage: Kok.Benchmarks <scenario>; storage from the AzureWebJobsStorage connection string (./bench.sh sets it).
const string usage = "usage: Kok.Benchmarks donations   (AzureWebJobsStorage must point at an Azurite started for this run)";
if (args is not ["donations"])
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
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
var report = new BenchmarkReport(Console.Out);
await new DonationsBenchmark(storage, report).RunAsync(deadline.Token);
return 0;
