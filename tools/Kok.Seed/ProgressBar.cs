using System.Diagnostics;
using System.Globalization;

namespace Kok.Seed;

/// <summary>
/// A one-line text progress bar, redrawn in place at most a few times a second:
/// <c>[#####.....]  5,000/10,000 members  1,234/s</c>. Safe to call from several threads.
/// </summary>
internal sealed class ProgressBar(TextWriter output, int total, string unit)
{
    private const int Width = 30;
    private static readonly long RedrawEvery = Stopwatch.Frequency / 4;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Lock gate = new();
    private long lastDrawn;

    public void Report(int done)
    {
        var now = Stopwatch.GetTimestamp();
        if (done < total && now - Interlocked.Read(ref lastDrawn) < RedrawEvery)
        {
            return;
        }

        lock (gate)
        {
            if (done < total && now - lastDrawn < RedrawEvery)
            {
                return;
            }

            lastDrawn = now;
            output.Write("\r" + Line(done, Stopwatch.GetElapsedTime(started)));
            if (done >= total)
            {
                output.WriteLine();
            }

            output.Flush();
        }
    }

    public string Line(int done, TimeSpan elapsed)
    {
        var filled = total == 0 ? Width : (int)((long)done * Width / total);
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {done,9:N0}/{total:N0} {unit}  {rate:N0}/s ");
    }
}
