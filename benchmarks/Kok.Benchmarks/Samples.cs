namespace Kok.Benchmarks;

/// <summary>Order statistics of measured durations.</summary>
internal static class Samples
{
    public static double Median(IReadOnlyCollection<TimeSpan> samples) => Percentile(samples, 0.5);

    /// <summary>Linear interpolation between the closest ranks (the median of an even count is the mean of the middle two).</summary>
    public static double Percentile(IReadOnlyCollection<TimeSpan> samples, double fraction)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        var rank = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = (int)Math.Ceiling(rank);
        return sorted[below] + ((sorted[above] - sorted[below]) * (rank - below));
    }
}
