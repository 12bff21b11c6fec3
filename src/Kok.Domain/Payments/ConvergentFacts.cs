using Kok.Domain.Donations;

namespace Kok.Domain.Payments;

/// <summary>
/// The two ways a fact learnt from provider events may change, so that the same events merged in any order end in
/// the same state: a time only moves to its earliest value, an id is set once.
/// </summary>
internal static class ConvergentFacts
{
    /// <summary>Sets <paramref name="field"/> to <paramref name="candidate"/> when that is earlier; true if it changed.</summary>
    public static bool Earliest(ref DateTimeOffset? field, DateTimeOffset candidate)
    {
        if (field is { } known && known <= candidate)
        {
            return false;
        }

        field = candidate;
        return true;
    }

    /// <summary>Sets <paramref name="field"/> to <paramref name="candidate"/> when that is later; true if it changed.</summary>
    public static bool Latest(ref DateTimeOffset? field, DateTimeOffset candidate)
    {
        if (field is { } known && known >= candidate)
        {
            return false;
        }

        field = candidate;
        return true;
    }

    /// <summary>
    /// Keeps the non-empty <paramref name="value"/> reported latest (<paramref name="at"/>); at the same time the
    /// ordinally smaller value wins, so any order of reports ends the same. True if it changed.
    /// </summary>
    public static bool LatestWithValue(ref DateTimeOffset? knownAt, ref string? known, DateTimeOffset at, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (knownAt is { } k && (k > at || k == at && string.CompareOrdinal(known, value) <= 0))
        {
            return false;
        }

        knownAt = at;
        known = value;
        return true;
    }

    /// <summary>Sets <paramref name="field"/> to a non-empty <paramref name="value"/> if it has none yet; true if it changed.</summary>
    public static bool Once(ref string? field, string? value)
    {
        if (field is not null || string.IsNullOrEmpty(value))
        {
            return false;
        }

        field = value;
        return true;
    }

    public static ApplyOutcome ToOutcome(bool changed) => changed ? ApplyOutcome.Changed : ApplyOutcome.NoChange;
}
