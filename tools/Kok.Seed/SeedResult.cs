namespace Kok.Seed;

/// <summary>
/// What a seeding wrote: new members, members that existed already (same seed seeded before: left as they are), and
/// the ids of the members due today, and how many members the dashboard totals counted anew (0 when seeding without
/// them, or when they knew every member already).
/// </summary>
public sealed record SeedResult(int Written, int AlreadyPresent, IReadOnlyList<string> DueTodayIds, TimeSpan Elapsed)
{
    public int Counted { get; init; }
}
