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
