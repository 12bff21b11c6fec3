namespace Kok.Domain.Dashboard;

/// <summary>
/// What one entity (a member, a donation, a receipt, a failed mail) adds to the dashboard totals, per scope
/// (<see cref="DashboardScope"/>). The totals are the sum of every entity's contribution; when an entity changes,
/// the totals move by <see cref="Delta"/> of its last and its new contribution, so applying the same state twice
/// moves nothing. Empty scopes are not kept.
/// </summary>
public sealed class DashboardContribution : IEquatable<DashboardContribution>
{
    private readonly SortedDictionary<string, DashboardCounters> scopes;

    private DashboardContribution(SortedDictionary<string, DashboardCounters> scopes)
    {
        this.scopes = scopes;
    }

    public static DashboardContribution None { get; } = new(new SortedDictionary<string, DashboardCounters>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, DashboardCounters> Scopes => scopes;

    public bool IsEmpty => scopes.Count == 0;

    public DashboardCounters this[string scope] => scopes.TryGetValue(scope, out var counters) ? counters : DashboardCounters.Empty;

    public static DashboardContribution From(IEnumerable<KeyValuePair<string, DashboardCounters>> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var result = None;
        foreach (var (scope, counters) in scopes)
        {
            result = result.Plus(scope, counters);
        }

        return result;
    }

    /// <summary>This contribution with <paramref name="add"/> more of <paramref name="counter"/> in <paramref name="scope"/>.</summary>
    public DashboardContribution With(string scope, string counter, long add) =>
        add == 0 ? this : Plus(scope, DashboardCounters.Empty.With(counter, add));

    /// <summary>What the totals must move by when an entity's contribution goes from <paramref name="old"/> to <paramref name="new"/>.</summary>
    public static DashboardContribution Delta(DashboardContribution old, DashboardContribution @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var delta = new SortedDictionary<string, DashboardCounters>(StringComparer.Ordinal);
        foreach (var scope in old.scopes.Keys.Union(@new.scopes.Keys, StringComparer.Ordinal))
        {
            var change = @new[scope].Minus(old[scope]);
            if (!change.IsEmpty)
            {
                delta[scope] = change;
            }
        }

        return new DashboardContribution(delta);
    }

    /// <summary>The sum of many contributions (the totals they make up).</summary>
    public static DashboardContribution Sum(IEnumerable<DashboardContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var sum = new Dictionary<string, DashboardCounters>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            foreach (var (scope, counters) in contribution.scopes)
            {
                sum[scope] = sum.TryGetValue(scope, out var known) ? known.Plus(counters) : counters;
            }
        }

        return From(sum);
    }

    public bool Equals(DashboardContribution? other) =>
        other is not null && scopes.Count == other.scopes.Count && scopes.All(s => other[s.Key].Equals(s.Value));

    public override bool Equals(object? obj) => Equals(obj as DashboardContribution);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (scope, counters) in scopes)
        {
            hash.Add(scope);
            hash.Add(counters);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join("; ", scopes.Select(s => $"{s.Key}: {s.Value}"));

    private DashboardContribution Plus(string scope, DashboardCounters counters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentNullException.ThrowIfNull(counters);
        var result = new SortedDictionary<string, DashboardCounters>(scopes, StringComparer.Ordinal);
        var total = this[scope].Plus(counters);
        if (total.IsEmpty)
        {
            result.Remove(scope);
        }
        else
        {
            result[scope] = total;
        }

        return new DashboardContribution(result);
    }
}
