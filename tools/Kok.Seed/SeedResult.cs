namespace Kok.Seed;

/// <summary>
/// What a seeding wrote: new members, members that existed already (same seed seeded before: left as they are), and
/// the ids of the members due today.
/// </summary>
public sealed record SeedResult(int Written, int AlreadyPresent, IReadOnlyList<string> DueTodayIds, TimeSpan Elapsed);
