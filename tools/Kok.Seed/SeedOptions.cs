namespace Kok.Seed;

/// <summary>
/// What <see cref="MemberSeeder"/> writes: <see cref="Members"/> members in total, of which the first
/// <see cref="DueToday"/> have their dues charged on <see cref="Today"/> (pre-notified 14 days before, so the dues run
/// of that day asks for their charge), while every other member's dues agenda date lies after
/// <see cref="QuietThrough"/>. The same <see cref="Seed"/> gives the same members, ids included.
/// </summary>
public sealed record SeedOptions(int Members, DateOnly Today, int DueToday = 0, int Seed = 42)
{
    /// <summary>Writes in flight at once; storage round trips are what seeding waits on.</summary>
    public int Parallelism { get; init; } = 32;

    /// <summary>
    /// The last day on which no member except the <see cref="DueToday"/> ones may be on the dues agenda; defaults to
    /// <see cref="Today"/>. A later day keeps a second run (say a month on) free of this batch's other members.
    /// </summary>
    public DateOnly? QuietThrough { get; init; }

    public DateOnly LastQuietDay => QuietThrough ?? Today;

    public void Validate()
    {
        if (Members < 0 || DueToday < 0 || DueToday > Members)
        {
            throw new ArgumentException("Members must not be negative, and DueToday must be between 0 and Members.");
        }

        if (Parallelism < 1)
        {
            throw new ArgumentException("Parallelism must be at least 1.");
        }

        if (LastQuietDay < Today || LastQuietDay > Today.AddDays(300))
        {
            throw new ArgumentException("QuietThrough must be between Today and 300 days after it.");
        }
    }
}
