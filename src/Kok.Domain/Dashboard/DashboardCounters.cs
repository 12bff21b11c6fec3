namespace Kok.Domain.Dashboard;

/// <summary>
/// Named whole-number counters (see <see cref="DashboardCounter"/>), immutable. Zero counters are not kept, so two
/// sets with the same non-zero values are equal however they were built.
/// </summary>
public sealed class DashboardCounters : IEquatable<DashboardCounters>
{
    private readonly SortedDictionary<string, long> values;

    private DashboardCounters(SortedDictionary<string, long> values)
    {
        this.values = values;
    }

    public static DashboardCounters Empty { get; } = new(new SortedDictionary<string, long>(StringComparer.Ordinal));

    public bool IsEmpty => values.Count == 0;

    /// <summary>The non-zero counters.</summary>
    public IReadOnlyDictionary<string, long> Values => values;

    public long this[string counter] => values.TryGetValue(counter, out var value) ? value : 0;

    public static DashboardCounters From(IEnumerable<KeyValuePair<string, long>> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in counters)
        {
            Add(sum, name, value);
        }

        return new DashboardCounters(sum);
    }

    public DashboardCounters With(string counter, long add) => add == 0 ? this : Combine(this, [new(counter, add)]);

    public DashboardCounters Plus(DashboardCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Combine(this, other.values);
    }

    public DashboardCounters Minus(DashboardCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Combine(this, other.values.Select(v => new KeyValuePair<string, long>(v.Key, -v.Value)));
    }

    public bool Equals(DashboardCounters? other) =>
        other is not null && values.Count == other.values.Count && values.All(v => other[v.Key] == v.Value);

    public override bool Equals(object? obj) => Equals(obj as DashboardCounters);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (name, value) in values)
        {
            hash.Add(name);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));

    private static DashboardCounters Combine(DashboardCounters first, IEnumerable<KeyValuePair<string, long>> second)
    {
        var sum = new SortedDictionary<string, long>(first.values, StringComparer.Ordinal);
        foreach (var (name, value) in second)
        {
            Add(sum, name, value);
        }

        return new DashboardCounters(sum);
    }

    private static void Add(SortedDictionary<string, long> sum, string name, long value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var total = (sum.TryGetValue(name, out var known) ? known : 0) + value;
        if (total == 0)
        {
            sum.Remove(name);
        }
        else
        {
            sum[name] = total;
        }
    }
}
