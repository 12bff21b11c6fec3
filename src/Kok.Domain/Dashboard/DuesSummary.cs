namespace Kok.Domain.Dashboard;

/// <summary>One year's dues in cents (see <see cref="MemberContribution"/> for what counts in which year).</summary>
public sealed record DuesSummary(long ExpectedCents, long CollectedCents)
{
    public long OutstandingCents => ExpectedCents - CollectedCents;
}
