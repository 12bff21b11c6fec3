using System.Diagnostics;
using System.Globalization;

namespace Kok.Benchmarks.Dues;

/// <summary>Seeding progress on stderr, redrawn in place about twice a second.</summary>
internal sealed class SeedProgress(TextWriter output, int total)
{
    private readonly long started = Stopwatch.GetTimestamp();
    private long nextDraw;

    public void Report(int done)
    {
        var now = Stopwatch.GetTimestamp();
        var next = Interlocked.Read(ref nextDraw);
        if (done < total && (now < next || Interlocked.CompareExchange(ref nextDraw, now + Stopwatch.Frequency / 2, next) != next))
        {
            return;
        }

        var rate = done / Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 0.001);
        var filled = total == 0 ? 30 : (int)(30L * done / total);
        lock (output)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r  seeding [{new string('#', filled)}{new string('.', 30 - filled)}] {done,9:N0}/{total:N0} members  {rate:N0}/s "));
            if (done >= total)
            {
                output.WriteLine();
            }
        }
    }
}
