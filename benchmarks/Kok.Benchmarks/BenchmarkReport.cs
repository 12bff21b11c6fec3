using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Kok.Functions.Storage;

namespace Kok.Benchmarks;

/// <summary>Prints results as aligned, invariant-culture lines, so runs on different machines compare line by line.</summary>
internal sealed class BenchmarkReport(TextWriter output)
{
    public void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    public void Line(string label, string value) => output.WriteLine($"  {label,-34} {value}");

    public void Machine()
    {
        Line("logical cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        Line("os", RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture);
        Line("runtime", RuntimeInformation.FrameworkDescription);
        Line("gc", GCSettings.IsServerGC ? "server" : "workstation");
#if DEBUG
        Line("build", "Debug (numbers are not representative)");
#else
        Line("build", "Release");
#endif
    }

    public void Latency(string label, IReadOnlyCollection<TimeSpan> samples) =>
        Line(label, string.Create(CultureInfo.InvariantCulture,
            $"median {Samples.Median(samples):0.000} ms   p90 {Samples.Percentile(samples, 0.9):0.000} ms   min {Samples.Percentile(samples, 0):0.000} ms   (n={samples.Count})"));

    /// <summary>Transactions per operation, in total and per kind (method and table or queue, without keys).</summary>
    public void Transactions(IReadOnlyList<StorageTransaction> transactions, int operations)
    {
        Line("storage transactions per op", Number(transactions.Count / (double)operations, "0.00"));
        foreach (var kind in transactions.GroupBy(t => Kind(t.Method, t.Path)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            Line("  " + kind.Key, Number(kind.Count() / (double)operations, "0.00"));
        }
    }

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Storage time per operation, and the median round trip per kind.</summary>
    public void StorageTime(IReadOnlyList<(string Kind, TimeSpan Elapsed)> timings, int operations)
    {
        Line("storage time per op", Number(timings.Sum(t => t.Elapsed.TotalMilliseconds) / operations, "0.000") + " ms (sum of round trips)");
        foreach (var kind in timings.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line("  " + kind.Key, "median " + Number(Samples.Median(kind.Select(t => t.Elapsed).ToArray()), "0.000") + " ms");
        }
    }

    /// <summary>"POST /devstoreaccount1/Donations(PartitionKey='…',RowKey='…')" → "POST Donations"; queues keep "/messages".</summary>
    public static string Kind(string method, string path)
    {
        var keys = path.IndexOf('(', StringComparison.Ordinal);
        if (keys >= 0)
        {
            path = path[..keys];
        }

        // A queue message's own id ("…/messages/{id}") is left out, so its deletes count as one kind.
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = parts.Length > 1 ? string.Join('/', parts.Skip(1).Take(2)) : path;
        return method + " " + resource;
    }
}
